using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Shelters.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Shelters.API.Extensions;
using Shelters.API.Model;

namespace Shelters.API.Apis;

public static class OccupancyApi
{
    public static RouteGroupBuilder MapOccupancyApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/status", ChangeStatus).WithName("ChangeShelterStatus").WithRequestExample(ShelterExamples.Status).WithIdempotency<SheltersContext>()
            .WithSummary("Put a shelter on standby, open, mark full or close it").RequireAuthorization(SheltersPolicies.Operate);
        api.MapPost("/{id:guid}/occupancy", ChangeOccupancy).WithName("ChangeShelterOccupancy").WithRequestExample(ShelterExamples.Arrival).WithIdempotency<SheltersContext>()
            .WithSummary("Record arrivals, departures or a counted total; arrivals never exceed capacity").RequireAuthorization(SheltersPolicies.Operate);
        api.MapGet("/{id:guid}/log", GetLog).WithName("GetShelterLog")
            .WithSummary("Every change (status, occupancy, inspection, correction, deletion): who, when, how many; kept after a deletion").RequireAuthorization(SheltersPolicies.Read);
        return api;
    }

    public static async Task<Results<Ok<ShelterResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeStatus(
        Guid id, ChangeStatusRequest request, [AsParameters] ShelterServices services, CancellationToken cancellationToken)
    {
        if (!EnumNames.TryParse<ShelterStatus>(request.Status, out var status))
        {
            return Problems.Invalid("status", "Status must be 'closed', 'standby', 'open' or 'full'.");
        }
        var shelter = await services.Db.Shelters.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shelter is null)
        {
            return TypedResults.NotFound();
        }
        if (!services.Scope.Covers(shelter.DistrictCode))
        {
            return services.Scope.NotYours(shelter);
        }
        if (shelter.OutOfService && status != ShelterStatus.Closed)
        {
            return Conflict("Shelter out of service", $"'{shelter.Name}' failed its last inspection; it receives no one until an inspection passes.");
        }
        if (status == ShelterStatus.Closed && shelter.Occupancy > 0)
        {
            return Conflict("People inside", $"{shelter.Occupancy} people are still in '{shelter.Name}'; record their departure before closing it.");
        }
        if (status == ShelterStatus.Open && shelter.Available == 0)
        {
            return Conflict("No places", $"'{shelter.Name}' has no free places; it stays full.");
        }
        // An operator's decision overrides the status a passing inspection would return the shelter to.
        shelter.StatusBeforeOutOfService = null;
        services.Changes.SetStatus(shelter, status, services.Actor, request.Reason);
        await services.SaveAsync(shelter.DistrictCode, cancellationToken);
        return TypedResults.Ok(ShelterResponse.From(shelter));
    }

    public static async Task<Results<Ok<OccupancyResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ChangeOccupancy(
        Guid id, OccupancyRequest request, [AsParameters] ShelterServices services, CancellationToken cancellationToken)
    {
        var validKind = EnumNames.TryParse<ShelterChangeKind>(request.Kind, out var kind)
            && kind is ShelterChangeKind.Arrival or ShelterChangeKind.Departure or ShelterChangeKind.Count;
        if (!validKind)
        {
            return Problems.Invalid("kind", "Kind must be 'arrival', 'departure' or 'count'.");
        }
        if (request.People is not { } people || people < (kind == ShelterChangeKind.Count ? 0 : 1))
        {
            return Problems.Invalid("people", kind == ShelterChangeKind.Count ? "A count of 0 or more people is required." : "At least 1 person.");
        }

        var db = services.Db;
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var current = await db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (current is null)
        {
            return TypedResults.NotFound();
        }
        // Checked before the conditional update below: a refused caller must change nothing, not even for a moment.
        if (!services.Scope.Covers(current.DistrictCode))
        {
            return services.Scope.NotYours(current);
        }
        var before = current.Occupancy;
        // Conditional single-statement updates: concurrent arrivals can never overfill a shelter.
        var shelters = db.Shelters.Where(s => s.Id == id);
        var applied = kind switch
        {
            ShelterChangeKind.Arrival => await shelters.Where(s => s.Status == ShelterStatus.Open && !s.OutOfService && s.Occupancy + people <= s.Capacity)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Occupancy, s => s.Occupancy + people), cancellationToken),
            ShelterChangeKind.Departure => await shelters.Where(s => s.Occupancy >= people)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Occupancy, s => s.Occupancy - people), cancellationToken),
            _ => await shelters.Where(s => people <= s.Capacity)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Occupancy, people), cancellationToken),
        };
        // Deleted meanwhile: the conditional update found no shelter.
        if (await db.Shelters.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } shelter)
        {
            return TypedResults.NotFound();
        }
        if (applied == 0)
        {
            return await RefusedAsync(kind, people, shelter, services, cancellationToken);
        }

        var change = shelter.Occupancy - before;
        services.Changes.Log(shelter, kind, change, services.Actor, request.Note);
        services.Changes.RaiseOccupancyChanged(shelter, change);
        if (shelter.Status == ShelterStatus.Open && shelter.Available == 0)
        {
            services.Changes.SetStatus(shelter, ShelterStatus.Full, services.Actor, "capacity reached");
        }
        else if (shelter.Status == ShelterStatus.Full && shelter.Available > 0)
        {
            services.Changes.SetStatus(shelter, ShelterStatus.Open, services.Actor, "places free again");
        }
        await db.SaveChangesAsync(cancellationToken);
        transaction.OnCommitted(() => services.Cache.RefreshAsync([shelter.DistrictCode], CancellationToken.None));
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new OccupancyResponse(shelter.Id, shelter.Occupancy, shelter.Capacity, shelter.Available, shelter.Status));
    }

    public static async Task<Results<Ok<PaginatedItems<LogEntryResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> GetLog(
        Guid id, [AsParameters] ShelterServices services, CancellationToken cancellationToken,
        [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        // The log is the record of a deleted shelter too: who deleted it, when, and everything before.
        if (await services.Db.Shelters.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } shelter)
        {
            return TypedResults.NotFound();
        }
        if (!services.Scope.Covers(shelter.DistrictCode))
        {
            return services.Scope.NotYours(shelter);
        }
        var query = services.Db.Log.AsNoTracking().Where(e => e.ShelterId == id);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(e => e.Id).Skip(pageIndex * pageSize).Take(pageSize)
            .Select(e => new LogEntryResponse(e.Id, e.Kind, e.Change, e.OccupancyAfter, e.StatusAfter, e.Actor, e.At, e.Note, e.WarningId))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<LogEntryResponse>(pageIndex, pageSize, count, page));
    }

    private static async Task<ProblemHttpResult> RefusedAsync(ShelterChangeKind kind, int people, Shelter shelter, ShelterServices services, CancellationToken cancellationToken)
    {
        if (kind == ShelterChangeKind.Departure)
        {
            return Conflict("Fewer people inside", $"Only {shelter.Occupancy} people are in '{shelter.Name}'; {people} cannot leave.",
                new() { ["occupancy"] = shelter.Occupancy });
        }
        if (kind == ShelterChangeKind.Count)
        {
            return Conflict("Over capacity", $"A count of {people} exceeds the capacity of '{shelter.Name}' ({shelter.Capacity}).",
                new() { ["capacity"] = shelter.Capacity });
        }
        var alternatives = await services.NearestWithRoomAsync(shelter.Location, people, 5, shelter.Id, cancellationToken);
        var reason = shelter.Receives
            ? $"'{shelter.Name}' has {shelter.Available} places left; {people} people cannot be received."
            : $"'{shelter.Name}' is {(shelter.OutOfService ? "out of service" : shelter.Status.ToString().ToLowerInvariant())} and receives no one.";
        return Conflict(shelter.Receives ? "Not enough places" : "Shelter not open", reason,
            new() { ["remaining"] = shelter.Receives ? shelter.Available : 0, ["status"] = shelter.Status.ToString().ToLowerInvariant(), ["alternatives"] = alternatives });
    }

    private static ProblemHttpResult Conflict(string title, string detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: title, extensions: extensions);
}
