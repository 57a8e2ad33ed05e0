using EmergencyOps.Messaging.Persistence;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Shelters.API.Extensions;
using Shelters.API.Model;

namespace Shelters.API.Apis;

/// <summary>
/// Corrections and deletions by registry administrators: a registration typed wrong (or stored before the input
/// rules) is corrected in place or deleted, and either is written to the shelter's append-only log.
/// </summary>
public static class ShelterAdminApi
{
    public static RouteGroupBuilder MapShelterAdminApi(this RouteGroupBuilder api)
    {
        api.MapPut("/{id:guid}", CorrectShelter).WithName("CorrectShelter").WithRequestExample(ShelterExamples.Correct)
            .WithSummary("Correct a shelter's registration (the whole registration body, checked as at registration); the log records who changed which fields from what")
            .RequireAuthorization(SheltersPolicies.Admin);
        api.MapDelete("/{id:guid}", DeleteShelter).WithName("DeleteShelter")
            .WithSummary("Delete a shelter no one is in: it leaves every list and query; its log (with the deletion) and inspections stay readable")
            .RequireAuthorization(SheltersPolicies.Admin);
        return api;
    }

    public static async Task<Results<Ok<ShelterResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CorrectShelter(
        Guid id, RegisterShelterRequest request, [AsParameters] ShelterServices services, CancellationToken cancellationToken)
    {
        var errors = ShelterValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var db = services.Db;
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var before = await db.Shelters.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (before is null)
        {
            return TypedResults.NotFound();
        }
        if (!services.Scope.Covers(before.DistrictCode))
        {
            return services.Scope.NotYours(before);
        }
        // Nor may a correction move the shelter into a district the caller does not act for.
        if (!services.Scope.Covers(request.DistrictCode!))
        {
            return services.Scope.NotYours($"district {request.DistrictCode}, where the correction would move '{before.Name}' ({id})");
        }
        var name = request.Name!.Trim();
        if (await db.Shelters.AnyAsync(s => s.Name == name && s.Id != id, cancellationToken))
        {
            return SheltersApi.DuplicateName(name);
        }
        // Conditional, like every occupancy change: people who arrive meanwhile are never left over the new capacity.
        var capacity = request.Capacity!.Value;
        if (capacity != before.Capacity
            && await db.Shelters.Where(s => s.Id == id && s.Occupancy <= capacity)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Capacity, capacity), cancellationToken) == 0)
        {
            return await OccupancyAsync(services, id, cancellationToken) is { } occupancy
                ? PeopleInside(occupancy, before.Name, $"a capacity of {capacity} cannot hold them")
                : TypedResults.NotFound();
        }
        var shelter = await db.Shelters.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shelter is null)
        {
            return TypedResults.NotFound();
        }
        ShelterValidation.Apply(request, shelter);
        var changed = ShelterValidation.Changes(before, shelter);
        if (changed.Count == 0)
        {
            return TypedResults.Ok(ShelterResponse.From(shelter));
        }
        services.Changes.Log(shelter, ShelterChangeKind.Corrected, 0, services.Actor, string.Join("; ", changed));
        // A capacity correction fills or frees places as arrivals and departures do.
        if (shelter.Status == ShelterStatus.Open && shelter.Available == 0)
        {
            services.Changes.SetStatus(shelter, ShelterStatus.Full, services.Actor, "capacity corrected");
        }
        else if (shelter.Status == ShelterStatus.Full && shelter.Available > 0)
        {
            services.Changes.SetStatus(shelter, ShelterStatus.Open, services.Actor, "capacity corrected");
        }
        await services.SaveAsync([before.DistrictCode, shelter.DistrictCode], cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ShelterResponse.From(shelter));
    }

    /// <summary>
    /// A soft delete: the row stays as the registry's record of what was deleted, hidden from every list, query and
    /// change (a query filter); the name is free again for a corrected registration.
    /// </summary>
    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteShelter(
        Guid id, [AsParameters] ShelterServices services, CancellationToken cancellationToken,
        [Text(ShelterLimits.ReasonLength)] string? reason = null)
    {
        var db = services.Db;
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var shelter = await db.Shelters.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (shelter is null)
        {
            return TypedResults.NotFound();
        }
        if (!services.Scope.Covers(shelter.DistrictCode))
        {
            return services.Scope.NotYours(shelter);
        }
        // Conditional, like every occupancy change: an arrival racing the deletion either comes first (and the
        // deletion is refused) or finds no shelter.
        var deletedAt = services.Changes.Now;
        if (await db.Shelters.Where(s => s.Id == id && s.Occupancy == 0)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.DeletedAt, deletedAt), cancellationToken) == 0)
        {
            return await OccupancyAsync(services, id, cancellationToken) is { } occupancy
                ? PeopleInside(occupancy, shelter.Name, "record their departure before it is deleted")
                : TypedResults.NotFound();
        }
        if (shelter.Status != ShelterStatus.Closed)
        {
            // It stops receiving people: ShelterClosed says so to whoever counted on it (there is no deletion event).
            shelter.Status = ShelterStatus.Closed;
            services.Changes.RaiseStatusEvent(shelter, "deleted");
        }
        services.Changes.Log(shelter, ShelterChangeKind.Deleted, 0, services.Actor, reason);
        await services.SaveAsync(shelter.DistrictCode, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<int?> OccupancyAsync(ShelterServices services, Guid id, CancellationToken cancellationToken) =>
        services.Db.Shelters.AsNoTracking().Where(s => s.Id == id).Select(s => (int?)s.Occupancy).SingleOrDefaultAsync(cancellationToken);

    private static ProblemHttpResult PeopleInside(int occupancy, string name, string what) =>
        TypedResults.Problem($"{occupancy} people are in '{name}': {what}.", statusCode: StatusCodes.Status409Conflict,
            title: "People inside", extensions: new Dictionary<string, object?> { ["occupancy"] = occupancy });
}
