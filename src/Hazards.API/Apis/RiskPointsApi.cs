using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>An enterprise's risk points (风险点), each graded by LEC: D = L × E × C and its colour (风险分级管控).</summary>
public static class RiskPointsApi
{
    public static RouteGroupBuilder MapRiskPointsApi(this RouteGroupBuilder hazards)
    {
        var api = hazards.MapGroup("/enterprises/{id:guid}/risk-points").WithTags("Risk grading");
        api.MapPost("/", AddRiskPoint).WithName("AddRiskPoint").WithIdempotency<HazardsContext>()
            .WithSummary("Add a risk point with its hazards, control measures, responsible level and L, E, C; it is graded at once")
            .WithRequestExample(HazardExamples.RiskPoint).RequireAuthorization(HazardsPolicies.WriteOwn);
        api.MapGet("/", ListRiskPoints).WithName("ListRiskPoints")
            .WithSummary("The enterprise's risk points by name, optionally of one colour, paged").RequireAuthorization(HazardsPolicies.Read);
        api.MapGet("/{riskPointId:guid}", GetRiskPoint).WithName("GetRiskPoint")
            .WithSummary("One risk point with D = L × E × C and its colour").RequireAuthorization(HazardsPolicies.Read);
        api.MapPut("/{riskPointId:guid}", ChangeRiskPoint).WithName("ChangeRiskPoint")
            .WithSummary("Change a risk point; it is graded again (filed versions keep what they listed)")
            .WithRequestExample(HazardExamples.RiskPoint).RequireAuthorization(HazardsPolicies.WriteOwn);
        api.MapDelete("/{riskPointId:guid}", RemoveRiskPoint).WithName("RemoveRiskPoint")
            .WithSummary("Remove a risk point (filed versions keep it)").RequireAuthorization(HazardsPolicies.WriteOwn);
        return hazards;
    }

    public static async Task<Results<Created<RiskPointResponse>, NotFound, ValidationProblem, ProblemHttpResult>> AddRiskPoint(
        Guid id, RiskPointRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var errors = RiskPointValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await services.Db.Enterprises.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var name = request.Name!.Trim();
        if (await services.Db.RiskPoints.AnyAsync(p => p.EnterpriseId == id && p.Name == name, cancellationToken))
        {
            return Duplicate(name);
        }
        var point = new RiskPoint { EnterpriseId = id, Name = name, CreatedAt = services.Events.Now };
        RiskPointValidation.Assign(point, request, services.Events.Now);
        services.Db.RiskPoints.Add(point);
        if (!await services.TrySaveAsync(cancellationToken))
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, DuplicateTitle, $"A risk point named '{name}' was added at the same moment.");
        }
        return TypedResults.Created($"/api/hazards/enterprises/{id}/risk-points/{point.Id}", RiskPointResponse.From(point));
    }

    public static async Task<Results<Ok<PaginatedItems<RiskPointResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> ListRiskPoints(
        Guid id, [AsParameters] HazardServices services, CancellationToken cancellationToken,
        [OneOf(typeof(RiskColour)), Text(HazardLimits.EnumNameLength)] string? colour = null, [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        RiskColour? only = EnumNames.TryParse<RiskColour>(colour, out var c) ? c : null;
        if (colour is not null && only is null)
        {
            return Problems.Invalid("colour", $"Colour is one of: {EnumNames.List<RiskColour>()}.");
        }
        if (!await services.Db.Enterprises.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var query = services.Db.RiskPoints.AsNoTracking().Where(p => p.EnterpriseId == id);
        if (only is not null)
        {
            query = query.Where(p => p.Colour == only);
        }
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderBy(p => p.Name).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<RiskPointResponse>(pageIndex, pageSize, count, [.. page.Select(RiskPointResponse.From)]));
    }

    public static async Task<Results<Ok<RiskPointResponse>, NotFound, ProblemHttpResult>> GetRiskPoint(
        Guid id, Guid riskPointId, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        return await services.Db.RiskPoints.AsNoTracking().SingleOrDefaultAsync(p => p.Id == riskPointId && p.EnterpriseId == id, cancellationToken) is { } point
            ? TypedResults.Ok(RiskPointResponse.From(point))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<RiskPointResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeRiskPoint(
        Guid id, Guid riskPointId, RiskPointRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var errors = RiskPointValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var point = await services.Db.RiskPoints.SingleOrDefaultAsync(p => p.Id == riskPointId && p.EnterpriseId == id, cancellationToken);
        if (point is null)
        {
            return TypedResults.NotFound();
        }
        var name = request.Name!.Trim();
        if (await services.Db.RiskPoints.AnyAsync(p => p.EnterpriseId == id && p.Name == name && p.Id != riskPointId, cancellationToken))
        {
            return Duplicate(name);
        }
        RiskPointValidation.Assign(point, request, services.Events.Now);
        return await services.TrySaveAsync(cancellationToken)
            ? TypedResults.Ok(RiskPointResponse.From(point))
            : HazardServices.Problem(StatusCodes.Status409Conflict, "Concurrent change", $"'{name}' was changed at the same moment; read it and change it again.");
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> RemoveRiskPoint(
        Guid id, Guid riskPointId, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var point = await services.Db.RiskPoints.SingleOrDefaultAsync(p => p.Id == riskPointId && p.EnterpriseId == id, cancellationToken);
        if (point is null)
        {
            return TypedResults.NotFound();
        }
        services.Db.RiskPoints.Remove(point);
        return await services.TrySaveAsync(cancellationToken)
            ? TypedResults.NoContent()
            : HazardServices.Problem(StatusCodes.Status409Conflict, "Concurrent change", $"'{point.Name}' was changed at the same moment; read it and try again.");
    }

    private const string DuplicateTitle = "Duplicate risk point";

    private static ProblemHttpResult Duplicate(string name) =>
        HazardServices.Problem(StatusCodes.Status409Conflict, DuplicateTitle, $"The enterprise already has a risk point named '{name}'.");
}
