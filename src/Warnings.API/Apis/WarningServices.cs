using EmergencyOps.ServiceDefaults;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>What the warning handlers share, bound with <c>[AsParameters]</c>.</summary>
// Services, not input: the request validation must not walk into the DbContext. (SkipValidation is marked for
// evaluation in .NET 10; the package version is pinned, so a change to it shows at an upgrade.)
#pragma warning disable ASP0029
[Microsoft.Extensions.Validation.SkipValidation]
#pragma warning restore ASP0029
public sealed class WarningServices(WarningsContext db, WarningPublisher publisher, ClaimsPrincipal user)
{
    public WarningsContext Db { get; } = db;

    public WarningPublisher Publisher { get; } = publisher;

    public ClaimsPrincipal User { get; } = user;

    public string Actor => User.ActorName();

    /// <summary>The caller's identity (<c>sub</c>), kept beside the name where one person must not act twice.</summary>
    public string? Subject => User.ActorSubject();

    /// <summary>
    /// Whether the caller is the person recorded by <paramref name="name"/> and <paramref name="subject"/>: by identity
    /// when both are known, by name for rows stored before identities were kept.
    /// </summary>
    public bool IsSamePerson(string name, string? subject) =>
        subject is not null && Subject is not null ? string.Equals(subject, Subject, StringComparison.Ordinal) : string.Equals(name, Actor, StringComparison.Ordinal);

    /// <summary>The districts the caller acts for: every per-warning read and action checks it, every list narrows to it.</summary>
    public DistrictBinding District { get; } = DistrictBinding.Of(user);

    /// <summary>The responsible unit the caller answers for (or any, on its behalf, for the operations centre).</summary>
    public UnitBinding Units { get; } = UnitBinding.Of(user);

    /// <summary>
    /// A warning with its versions and the escalation awaiting sign-off (decided ones are not loaded). One query:
    /// at most one escalation is open, so joining it multiplies nothing.
    /// </summary>
    public Task<Warning?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Db.Warnings.Include(w => w.Versions).Include(w => w.PendingUpdates.Where(p => p.Outcome == null))
            .AsSingleQuery().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
}
