using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using EmergencyOps.Messaging.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Shelters.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shelters.API.Extensions;
using Shelters.API.Model;

namespace Shelters.API.Apis;

public static class SheltersApi
{
    public static IEndpointRouteBuilder MapSheltersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/shelters").WithTags("Shelters");

        api.MapPost("/", RegisterShelter).WithName("RegisterShelter").WithRequestExample(ShelterExamples.Register).WithIdempotency<SheltersContext>()
            .WithSummary("Register a shelter (应急避难场所)").RequireAuthorization(SheltersPolicies.Manage);
        api.MapGet("/", ListShelters).WithName("ListShelters")
            .WithSummary("Shelters by district, status, kind and hazard suitability, paged").RequireAuthorization(SheltersPolicies.Read);
        api.MapGet("/{id:guid}", GetShelter).WithName("GetShelter")
            .WithSummary("One shelter with its live occupancy").RequireAuthorization(SheltersPolicies.Read);

        api.MapShelterAdminApi();
        api.MapOccupancyApi();
        api.MapShelterQueriesApi();
        api.MapInspectionsApi();
        return app;
    }

    public static async Task<Results<Created<ShelterResponse>, ValidationProblem, ProblemHttpResult>> RegisterShelter(
        RegisterShelterRequest request, [AsParameters] ShelterServices services, CancellationToken cancellationToken)
    {
        var errors = ShelterValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!services.Scope.Covers(request.DistrictCode!))
        {
            return services.Scope.NotYours($"a new shelter in district {request.DistrictCode}");
        }
        var name = request.Name!.Trim();
        if (await services.Db.Shelters.AnyAsync(s => s.Name == name, cancellationToken))
        {
            return DuplicateName(name);
        }
        var shelter = ShelterValidation.ToShelter(request, services.Changes.Now);
        services.Db.Shelters.Add(shelter);
        services.Changes.Log(shelter, ShelterChangeKind.Registered, 0, services.Actor);
        await services.SaveAsync(shelter.DistrictCode, cancellationToken);
        return TypedResults.Created($"/api/shelters/{shelter.Id}", ShelterResponse.From(shelter));
    }

    public static async Task<Results<Ok<PaginatedItems<ShelterResponse>>, ValidationProblem>> ListShelters(
        [AsParameters] ShelterServices services, CancellationToken cancellationToken,
        [Text(ShelterLimits.DistrictCodeLength)] string? district = null,
        [OneOf(typeof(ShelterStatus))] string? status = null,
        [OneOf(typeof(ShelterKind))] string? kind = null,
        [OneOf(
            WarningTypes.Typhoon, WarningTypes.Rainstorm, WarningTypes.Snowstorm, WarningTypes.ColdWave, WarningTypes.Gale, WarningTypes.Sandstorm,
            WarningTypes.Heat, WarningTypes.Drought, WarningTypes.Lightning, WarningTypes.Hail, WarningTypes.Frost, WarningTypes.Fog, WarningTypes.Haze,
            WarningTypes.RoadIcing, WarningTypes.GasLeak, WarningTypes.ChemicalRelease, WarningTypes.Waterlogging, WarningTypes.Fire,
            WarningTypes.Subsidence, WarningTypes.Crowd, WarningTypes.SpecialEquipment, WarningTypes.Earthquake)] string? suitableFor = null,
        [PageIndex] int pageIndex = 0,
        [PageSize] int pageSize = 20)
    {
        if (district is not null && !Districts.IsKnown(district))
        {
            return Problems.Invalid("district", $"'{district}' is not a Shanghai district code.");
        }
        if (suitableFor is not null && !WarningTypes.All.Contains(suitableFor))
        {
            return Problems.Invalid("suitableFor", $"Unknown hazard '{suitableFor}'. Known: {string.Join(", ", WarningTypes.All)}.");
        }
        ShelterStatus? statusFilter = EnumNames.TryParse<ShelterStatus>(status, out var st) ? st : null;
        ShelterKind? kindFilter = EnumNames.TryParse<ShelterKind>(kind, out var kd) ? kd : null;
        if (status is not null && statusFilter is null)
        {
            return Problems.Invalid("status", "Status is 'closed', 'standby', 'open' or 'full'.");
        }
        if (kind is not null && kindFilter is null)
        {
            return Problems.Invalid("kind", "Kind is 'indoor' or 'outdoor'.");
        }
        // A district operator's list is its district's: narrowed, not refused, so the same console works for both.
        var query = services.Scope.Filter(services.Db.Shelters.AsNoTracking());
        if (district is not null) query = query.Where(s => s.DistrictCode == district);
        if (statusFilter is not null) query = query.Where(s => s.Status == statusFilter);
        if (kindFilter is not null) query = query.Where(s => s.Kind == kindFilter);
        query = query.OrderBy(s => s.DistrictCode).ThenBy(s => s.Name);
        if (suitableFor is null)
        {
            var count = await query.LongCountAsync(cancellationToken);
            var rows = await query.Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
            return TypedResults.Ok(new PaginatedItems<ShelterResponse>(pageIndex, pageSize, count, [.. rows.Select(ShelterResponse.From)]));
        }
        // Suitability lives in a JSON list column: filtered here to stay portable across providers.
        var suitable = (await query.ToListAsync(cancellationToken)).Where(s => s.Suits(suitableFor)).ToList();
        var page = suitable.Skip(pageIndex * pageSize).Take(pageSize).Select(ShelterResponse.From).ToList();
        return TypedResults.Ok(new PaginatedItems<ShelterResponse>(pageIndex, pageSize, suitable.Count, page));
    }

    public static async Task<Results<Ok<ShelterResponse>, NotFound, ProblemHttpResult>> GetShelter(
        Guid id, [AsParameters] ShelterServices services, CancellationToken cancellationToken)
    {
        if (await services.Db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } shelter)
        {
            return TypedResults.NotFound();
        }
        return services.Scope.Covers(shelter.DistrictCode) ? TypedResults.Ok(ShelterResponse.From(shelter)) : services.Scope.NotYours(shelter);
    }

    internal static ProblemHttpResult DuplicateName(string name) =>
        TypedResults.Problem($"A shelter named '{name}' is already registered.", statusCode: StatusCodes.Status409Conflict, title: "Duplicate shelter");
}
