using EmergencyOps.ServiceDefaults;
using System.Security.Claims;
using EmergencyOps.Geography;
using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Shelters.API.Infrastructure;
using Shelters.API.Model;

namespace Shelters.API.Apis;

/// <summary>What the shelter handlers share, bound with <c>[AsParameters]</c>.</summary>
// Services, not input: the request validation must not walk into the DbContext. (SkipValidation is marked for
// evaluation in .NET 10; the package version is pinned, so a change to it shows at an upgrade.)
#pragma warning disable ASP0029
[Microsoft.Extensions.Validation.SkipValidation]
#pragma warning restore ASP0029
public sealed class ShelterServices(SheltersContext db, ShelterChanges changes, AvailabilityCache cache, ClaimsPrincipal user)
{
    public SheltersContext Db { get; } = db;

    public ShelterChanges Changes { get; } = changes;

    public AvailabilityCache Cache { get; } = cache;

    public ClaimsPrincipal User { get; } = user;

    /// <summary>The districts this caller may see and act on (all of them, unless its token binds it to one).</summary>
    public DistrictScope Scope { get; } = new(user);

    public string Actor => User.ActorName();

    /// <summary>Saves the unit of work and refreshes the district's availability once it has committed.</summary>
    public Task SaveAsync(string districtCode, CancellationToken cancellationToken) => SaveAsync([districtCode], cancellationToken);

    /// <summary>Saves the unit of work and refreshes the districts' availability once it has committed.</summary>
    public async Task SaveAsync(IReadOnlyCollection<string> districtCodes, CancellationToken cancellationToken)
    {
        await using var transaction = await Db.BeginOrJoinTransactionAsync(cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        transaction.OnCommitted(() => Cache.RefreshAsync(districtCodes, CancellationToken.None));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Open, in-service shelters with room for <paramref name="people"/>, nearest first.</summary>
    public Task<IReadOnlyList<NearbyShelter>> NearestWithRoomAsync(GeoPoint from, int people, int limit, Guid? except, CancellationToken cancellationToken) =>
        NearestShelters.FindAsync(Db, from, people, limit, except, cancellationToken);
}
