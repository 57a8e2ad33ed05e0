using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Messaging.Outbox;
using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Warnings.API.Extensions;
using Warnings.API.Model;

namespace Warnings.API.Infrastructure;

/// <summary>
/// Ends warnings whose expiry has passed and flags units that did not acknowledge in time. Safe with
/// several replicas: an expiry is guarded by the warning's revision and an overdue flag by a conditional
/// update, so each happens exactly once whichever replica gets there first.
/// </summary>
public sealed partial class WarningSweeper(IServiceScopeFactory scopes, IOptions<WarningsOptions> options, TimeProvider time, ILogger<WarningSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The interval is real time even when tests move the service's clock.
        using var timer = new PeriodicTimer(options.Value.SweepInterval, TimeProvider.System);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogSweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WarningsContext>();
            var due = await db.Warnings.Where(w => w.State == WarningState.Active && w.Expires != null && w.Expires <= now)
                .Select(w => w.Id).Take(100).ToListAsync(cancellationToken);
            foreach (var id in due)
            {
                await ExpireAsync(id, cancellationToken);
            }
        }
        await FlagOverdueAsync(now, cancellationToken);
    }

    private async Task ExpireAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarningsContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<WarningPublisher>();
        var warning = await db.Warnings.Include(w => w.Versions).SingleAsync(w => w.Id == id, cancellationToken);
        // Another replica's sweep (or a lift) may have ended it since the query above; the revision only guards a race after this load.
        if (warning.State != WarningState.Active || warning.Expires is not { } expires || expires > time.GetUtcNow().UtcDateTime)
        {
            return;
        }
        var type = WarningTypeCatalogue.Find(warning.Type)!;
        publisher.Publish(warning, VersionBuilder.Next(warning, VersionKind.Expire, "system", "expired",
            description: $"{type.NameZh}{warning.Level.ColourZh()}预警已到期，自动解除。", instruction: ""));
        try
        {
            await publisher.SaveAsync(cancellationToken);
            LogExpired(logger, id);
        }
        catch (DbUpdateException)
        {
            // Another replica expired (or someone lifted) it first.
        }
    }

    private async Task FlagOverdueAsync(DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WarningsContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
        var candidates = await (from r in db.Responses
                                join w in db.Warnings on r.WarningId equals w.Id
                                where r.AcknowledgedAt == null && r.OverdueAt == null && r.Deadline < now && w.State == WarningState.Active
                                select new { r.Id, r.Unit, r.RequestedVersion, r.Deadline, w.Type, w.Level, w.Exercise, WarningId = w.Id })
            .Take(200).ToListAsync(cancellationToken);
        foreach (var c in candidates)
        {
            await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
            var flagged = await db.Responses.Where(r => r.Id == c.Id && r.OverdueAt == null && r.AcknowledgedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.OverdueAt, now), cancellationToken);
            if (flagged == 0)
            {
                continue;
            }
            outbox.Add(new WarningAcknowledgementOverdue(Guid.NewGuid(), new DateTimeOffset(now, TimeSpan.Zero), WarningPublisher.Source, Guid.NewGuid(),
                c.WarningId, c.RequestedVersion, c.Type, c.Level, c.Exercise, c.Unit, new DateTimeOffset(c.Deadline, TimeSpan.Zero)));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            LogOverdue(logger, c.Unit, c.WarningId);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warning {WarningId} expired")]
    private static partial void LogExpired(ILogger logger, Guid warningId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Unit} has not acknowledged warning {WarningId} in time: escalated")]
    private static partial void LogOverdue(ILogger logger, string unit, Guid warningId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Warning sweep failed; retrying at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
