using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>What the warning handlers share, bound with <c>[AsParameters]</c>.</summary>
public sealed class WarningServices(WarningsContext db, WarningPublisher publisher, ClaimsPrincipal user)
{
    public WarningsContext Db { get; } = db;

    public WarningPublisher Publisher { get; } = publisher;

    public ClaimsPrincipal User { get; } = user;

    public string Actor => User.Identity?.Name ?? "unknown";

    public Task<Warning?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        Db.Warnings.Include(w => w.Versions).SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
}
