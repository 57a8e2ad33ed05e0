using EmergencyOps.Messaging.Persistence;
using Hazards.API.Extensions;
using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hazards.API.Infrastructure;

/// <summary>
/// Keeps enterprise risk levels current where no request does: an enterprise whose oldest counted scan anomaly left the
/// window (its row is due), and enterprises without a level yet (registered by an earlier build). Each enterprise is
/// recomputed in its own transaction; on SQLite that transaction holds the write lock before it reads, so two replicas
/// sweeping at once judge one after the other and a level change is raised once.
/// </summary>
public sealed partial class RiskSweeper(IServiceScopeFactory scopes, IOptions<HazardsOptions> options, TimeProvider time, ILogger<RiskSweeper> logger)
    : PeriodicSweeper(options.Value.RiskSweepInterval, logger)
{
    private const int Batch = 200;

    /// <summary>One sweep; returns how many enterprises it recomputed.</summary>
    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HazardsContext>();
            due = await db.Enterprises.AsNoTracking().Where(e => !db.EnterpriseRisks.Any(r => r.EnterpriseId == e.Id))
                .Select(e => e.Id).Take(Batch).ToListAsync(cancellationToken);
            due.AddRange(await db.EnterpriseRisks.AsNoTracking().Where(r => r.DueAt != null && r.DueAt <= now)
                .OrderBy(r => r.DueAt).Select(r => r.EnterpriseId).Take(Batch).ToListAsync(cancellationToken));
        }
        foreach (var id in due)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HazardsContext>();
            await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<RiskModel>().RecomputeAsync([id], cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        if (due.Count > 0)
        {
            LogSwept(logger, due.Count);
        }
        return due.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Risk sweep recomputed {Count} enterprises")]
    private static partial void LogSwept(ILogger logger, int count);

}
