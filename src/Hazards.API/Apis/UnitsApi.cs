using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Persistence;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>An enterprise's units (production units, tank farms, stores): every change re-evaluates them against GB 18218.</summary>
public static class UnitsApi
{
    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder hazards)
    {
        var api = hazards.MapGroup("/enterprises/{id:guid}").WithTags("Major hazard sources");
        api.MapPost("/units", DeclareUnit).WithName("DeclareUnit").WithIdempotency<HazardsContext>()
            .WithSummary("Declare a unit with the maximum quantity of each chemical; it is evaluated at once")
            .WithRequestExample(HazardExamples.Unit).RequireAuthorization(HazardsPolicies.WriteOwn);
        api.MapPut("/units/{unitId:guid}", ChangeUnit).WithName("ChangeUnit")
            .WithSummary("Change a unit's quantities, people nearby or name; it is re-evaluated")
            .WithRequestExample(HazardExamples.Unit).RequireAuthorization(HazardsPolicies.WriteOwn);
        api.MapDelete("/units/{unitId:guid}", RemoveUnit).WithName("RemoveUnit")
            .WithSummary("Remove a unit; a major hazard source is declassified").RequireAuthorization(HazardsPolicies.WriteOwn);
        api.MapGet("/major-hazards", GetEnterpriseMajorHazards).WithName("GetEnterpriseMajorHazards")
            .WithSummary("Per unit: S = Σq/Q, major hazard source or not, α, R, level, with every term").RequireAuthorization(HazardsPolicies.Read);
        api.MapGet("/units/{unitId:guid}/evaluations", GetEvaluations).WithName("GetUnitEvaluations")
            .WithSummary("Every evaluation of a unit with its inputs, newest first").RequireAuthorization(HazardsPolicies.Read);
        return hazards;
    }

    public static async Task<Results<Created<UnitEvaluationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> DeclareUnit(
        Guid id, UnitRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var (enterprise, errors) = await CheckAsync(id, request, services, cancellationToken);
        if (errors is not null)
        {
            return errors;
        }
        if (enterprise is null)
        {
            return TypedResults.NotFound();
        }
        var name = request.Name!.Trim();
        if (await services.Db.Units.AnyAsync(u => u.EnterpriseId == id && u.Name == name, cancellationToken))
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Duplicate unit", $"{enterprise.Name} already has a unit named '{name}'.");
        }
        var unit = new HazardUnit { EnterpriseId = id, Name = name, DistrictCode = enterprise.DistrictCode };
        Assign(unit, request);
        services.Db.Units.Add(unit);
        var evaluation = await services.Evaluator.EvaluateAsync(unit, enterprise, "unit declared", cancellationToken);
        if (!await services.TrySaveAsync(cancellationToken))
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Duplicate unit", $"A unit named '{name}' was declared at the same moment.");
        }
        return TypedResults.Created($"/api/hazards/enterprises/{id}/units/{unit.Id}/evaluations", UnitEvaluator.Response(unit, evaluation));
    }

    public static async Task<Results<Ok<UnitEvaluationResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeUnit(
        Guid id, Guid unitId, UnitRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var (enterprise, errors) = await CheckAsync(id, request, services, cancellationToken);
        if (errors is not null)
        {
            return errors;
        }
        var unit = await services.Db.Units.SingleOrDefaultAsync(u => u.Id == unitId && u.EnterpriseId == id, cancellationToken);
        if (enterprise is null || unit is null)
        {
            return TypedResults.NotFound();
        }
        var name = request.Name!.Trim();
        if (await services.Db.Units.AnyAsync(u => u.EnterpriseId == id && u.Name == name && u.Id != unitId, cancellationToken))
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Duplicate unit", $"{enterprise.Name} already has a unit named '{name}'.");
        }
        unit.Name = name;
        Assign(unit, request);
        var evaluation = await services.Evaluator.EvaluateAsync(unit, enterprise, "unit changed", cancellationToken);
        if (!await services.TrySaveAsync(cancellationToken))
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Concurrent change", $"'{name}' was changed at the same moment; read it and change it again.");
        }
        return TypedResults.Ok(UnitEvaluator.Response(unit, evaluation));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveUnit(Guid id, Guid unitId, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var enterprise = await services.Db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        var unit = await services.Db.Units.SingleOrDefaultAsync(u => u.Id == unitId && u.EnterpriseId == id, cancellationToken);
        if (enterprise is null || unit is null)
        {
            return TypedResults.NotFound();
        }
        services.Evaluator.Removed(unit, enterprise);
        services.Db.Units.Remove(unit);
        return await services.TrySaveAsync(cancellationToken)
            ? TypedResults.NoContent()
            : HazardServices.Problem(StatusCodes.Status409Conflict, "Concurrent change", $"'{unit.Name}' was changed at the same moment; read it and try again.");
    }

    public static async Task<Results<Ok<EnterpriseMajorHazards>, NotFound, ProblemHttpResult>> GetEnterpriseMajorHazards(
        Guid id, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var enterprise = await services.Db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enterprise is null)
        {
            return TypedResults.NotFound();
        }
        var units = await services.Db.Units.AsNoTracking().Where(u => u.EnterpriseId == id).OrderBy(u => u.Name).ToListAsync(cancellationToken);
        var unitIds = units.Select(u => u.Id).ToList();
        var latest = (await services.Db.Evaluations.AsNoTracking().Where(e => unitIds.Contains(e.UnitId)).ToListAsync(cancellationToken))
            .GroupBy(e => e.UnitId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Id)!);
        var responses = units.Select(u => UnitEvaluator.Response(u, latest[u.Id])).ToList();
        var edition = responses.Select(r => r.Edition).FirstOrDefault() ?? StandardTables.Gb18218Edition;
        return TypedResults.Ok(new EnterpriseMajorHazards(id, enterprise.Name, enterprise.DistrictCode, edition, responses));
    }

    public static async Task<Results<Ok<IReadOnlyList<UnitEvaluationResponse>>, NotFound, ProblemHttpResult>> GetEvaluations(
        Guid id, Guid unitId, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var unit = await services.Db.Units.AsNoTracking().SingleOrDefaultAsync(u => u.Id == unitId && u.EnterpriseId == id, cancellationToken);
        if (unit is null)
        {
            return TypedResults.NotFound();
        }
        var evaluations = await services.Db.Evaluations.AsNoTracking().Where(e => e.UnitId == unitId).OrderByDescending(e => e.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<UnitEvaluationResponse>>([.. evaluations.Select(e => UnitEvaluator.Response(unit, e))]);
    }

    private static async Task<(Enterprise? Enterprise, ValidationProblem? Errors)> CheckAsync(Guid id, UnitRequest request, HazardServices services, CancellationToken cancellationToken)
    {
        var cas = (request.Substances ?? []).Select(s => s.Cas).OfType<string>().ToList();
        var known = await services.Db.Chemicals.Where(c => cas.Contains(c.Cas)).Select(c => c.Cas).ToListAsync(cancellationToken);
        var errors = UnitValidation.Validate(request, known);
        if (errors.Count > 0)
        {
            return (null, TypedResults.ValidationProblem(errors));
        }
        return (await services.Db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken), null);
    }

    private static void Assign(HazardUnit unit, UnitRequest request)
    {
        unit.Kind = EnumNames.TryParse<UnitKind>(request.Kind, out var kind) ? kind : throw new InvalidOperationException("The kind was validated before.");
        unit.PeopleOutside = request.PeopleOutside!.Value;
        // Changed in place: owned rows keyed by (unit, CAS) are updated, not deleted and re-added under the same key.
        var wanted = request.Substances!.ToDictionary(s => s.Cas!, s => s.MaxTonnes!.Value);
        unit.Substances.RemoveAll(s => !wanted.ContainsKey(s.Cas));
        foreach (var (cas, tonnes) in wanted)
        {
            if (unit.Substances.Find(s => s.Cas == cas) is { } existing)
            {
                existing.MaxTonnes = tonnes;
            }
            else
            {
                unit.Substances.Add(new UnitSubstance { Cas = cas, MaxTonnes = tonnes });
            }
        }
    }
}
