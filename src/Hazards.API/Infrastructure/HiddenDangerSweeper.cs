using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Outbox;
using EmergencyOps.Messaging.Persistence;
using Hazards.API.Extensions;
using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hazards.API.Infrastructure;

/// <summary>
/// Escalates hidden dangers whose rectification deadline passed unrectified: marks each overdue and publishes
/// <see cref="HiddenDangerOverdue"/>, exactly once. Safe with several replicas (and several sweeps at once): a sweep claims a
/// danger by a conditional UPDATE (still rectifying, not yet overdue, deadline passed) and only the sweep whose UPDATE
/// changed the row records the step and adds the event, in the same transaction.
/// </summary>
public sealed partial class HiddenDangerSweeper(IServiceScopeFactory scopes, IOptions<HazardsOptions> options, TimeProvider time, ILogger<HiddenDangerSweeper> logger)
    : PeriodicSweeper(options.Value.HiddenDangerSweepInterval, logger)
{
    public const string Actor = "system";

    /// <summary>One sweep: every danger overdue now, each claimed on its own; returns how many this sweep escalated.</summary>
    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        List<Guid> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HazardsContext>();
            due = await db.HiddenDangers.AsNoTracking()
                .Where(d => d.State == HiddenDangerState.Rectifying && d.OverdueAt == null && d.Deadline != null && d.Deadline <= now)
                .OrderBy(d => d.Deadline).Select(d => d.Id).Take(200).ToListAsync(cancellationToken);
        }
        var escalated = 0;
        foreach (var id in due)
        {
            escalated += await ClaimAsync(id, now, cancellationToken) ? 1 : 0;
        }
        return escalated;
    }

    /// <summary>Marks one danger overdue if no one has: true only for the one claim that changed the row.</summary>
    public async Task<bool> ClaimAsync(Guid dangerId, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HazardsContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var claimed = await db.HiddenDangers
            .Where(d => d.Id == dangerId && d.State == HiddenDangerState.Rectifying && d.OverdueAt == null && d.Deadline != null && d.Deadline <= now)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.OverdueAt, now).SetProperty(d => d.UpdatedAt, now).SetProperty(d => d.Revision, d => d.Revision + 1),
                cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        // The row is this transaction's now (the claim holds the write lock): its revision numbers the step.
        var danger = await db.HiddenDangers.AsNoTracking().SingleAsync(d => d.Id == dangerId, cancellationToken);
        var district = await db.Enterprises.Where(e => e.Id == danger.EnterpriseId).Select(e => e.DistrictCode).SingleAsync(cancellationToken);
        var deadline = new DateTimeOffset(danger.Deadline!.Value, TimeSpan.Zero);
        db.HiddenDangerSteps.Add(new HiddenDangerStep
        {
            DangerId = dangerId, Sequence = danger.Revision, Action = HiddenDangerAction.Overdue, Actor = Actor, At = now,
            Note = $"整改期限已过({deadline.ToOffset(TimeSpan.FromHours(8)):yyyy-MM-dd HH:mm}),未整改完成,已升级督促。",
        });
        outbox.Add(new HiddenDangerOverdue(Guid.NewGuid(), new DateTimeOffset(now, TimeSpan.Zero), HazardEvents.Source, Guid.NewGuid(),
            dangerId, danger.EnterpriseId, district, danger.Grade, deadline, danger.Listed));
        await db.SaveChangesAsync(cancellationToken);
        // An overdue danger weighs on the enterprise's risk level: recomputed in the same transaction as the escalation.
        await scope.ServiceProvider.GetRequiredService<RiskModel>().RecomputeAsync([danger.EnterpriseId], cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogOverdue(logger, dangerId, danger.EnterpriseId);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hidden danger {DangerId} of enterprise {EnterpriseId} is overdue: escalated")]
    private static partial void LogOverdue(ILogger logger, Guid dangerId, Guid enterpriseId);
}
