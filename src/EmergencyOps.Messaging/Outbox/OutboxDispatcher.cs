using System.Diagnostics;
using System.Text.Json;
using EmergencyOps.Messaging.Faults;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyOps.Messaging.Outbox;

/// <summary>
/// Publishes committed outbox rows in sequence order and marks each sent only after the broker
/// confirmed it. A broker outage or a restart leaves rows pending; they go out when it is back.
/// Replicas sharing the database take turns through the dispatch lease, so no row goes out twice.
/// A crash between confirm and mark republishes one row with the same message id, which the
/// consumers' inboxes discard.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBus bus,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext
{
    private static readonly ActivitySource Tracing = new(ServiceDefaults.OpenTelemetryExtensions.MessagingSource);
    private static readonly TimeSpan LeaseRetry = TimeSpan.FromMilliseconds(100);
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private DateTime _nextCleanup = DateTime.MinValue;

    private enum Pass { Drained, More, LeaseBusy }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = await DispatchBatchAsync(settings, stoppingToken);
                await CleanupAsync(settings, stoppingToken);
                if (pass != Pass.More)
                {
                    // Another replica is sending: look again shortly, since what we stored may not be in its batch.
                    await signal.WaitAsync(pass == Pass.LeaseBusy ? Min(LeaseRetry, settings.PollInterval) : settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                // The host is gone (it failed to start, or stopped without cancelling us): nothing left to dispatch with.
                return;
            }
            catch (Exception ex)
            {
                LogDispatchFailed(logger, ex, settings.RetryDelay);
                await Task.Delay(settings.RetryDelay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task<Pass> DispatchBatchAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (!await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null, cancellationToken))
        {
            return Pass.Drained;
        }
        // Lease times are wall-clock times shared between processes, whatever clock the service runs on.
        var leaseDuration = Max(TimeSpan.FromSeconds(30), settings.PublishTimeout * 3);
        var renewAt = TimeProvider.System.GetUtcNow().UtcDateTime + leaseDuration / 2;
        if (!await db.TryTakeLeaseAsync(_holder, TimeProvider.System.GetUtcNow().UtcDateTime, leaseDuration, cancellationToken))
        {
            return Pass.LeaseBusy;
        }
        try
        {
            // Read only under the lease: what another replica sent before is marked by now.
            var pending = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.SentAt == null)
                .OrderBy(m => m.Sequence)
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var row in pending)
            {
                var now = TimeProvider.System.GetUtcNow().UtcDateTime;
                if (now >= renewAt)
                {
                    if (!await db.TryTakeLeaseAsync(_holder, now, leaseDuration, cancellationToken))
                    {
                        return Pass.LeaseBusy;
                    }
                    renewAt = now + leaseDuration / 2;
                }
                await PublishAndMarkAsync(db, row, settings.PublishTimeout, cancellationToken);
            }
            return pending.Count < settings.BatchSize ? Pass.Drained : Pass.More;
        }
        finally
        {
            await db.ReleaseLeaseAsync(_holder);
        }
    }

    private async Task PublishAndMarkAsync(TContext db, OutboxMessage row, TimeSpan timeout, CancellationToken cancellationToken)
    {
        FailPoints.Reach(FailPoints.OutboxBeforePublish);
        try
        {
            await PublishAsync(row, timeout, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await db.Set<OutboxMessage>().Where(m => m.Sequence == row.Sequence).ExecuteUpdateAsync(
                s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, Truncate(ex.Message)),
                CancellationToken.None);
            throw;
        }
        FailPoints.Reach(FailPoints.OutboxBeforeMark);
        var sentAt = time.GetUtcNow().UtcDateTime;
        await db.Set<OutboxMessage>().Where(m => m.Sequence == row.Sequence)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt), CancellationToken.None);
        LogPublished(logger, row.MessageType, row.MessageId, row.Sequence);
    }

    private async Task PublishAsync(OutboxMessage row, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var type = Type.GetType(row.MessageType, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message {row.Sequence} has unknown type '{row.MessageType}'.");
        var message = JsonSerializer.Deserialize(row.Body, type, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Outbox message {row.Sequence} has an empty body.");

        // The publish joins the trace of the request that stored the event; MassTransit carries it on to the consumers.
        using var activity = row.TraceParent is { } parent && ActivityContext.TryParse(parent, null, out var context)
            ? Tracing.StartActivity("outbox dispatch", ActivityKind.Internal, context)
            : null;
        activity?.SetTag("messaging.message.id", row.MessageId.ToString());
        activity?.SetTag("messaging.outbox.sequence", row.Sequence);

        var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var publish = bus.Publish(message, type, context =>
        {
            context.MessageId = row.MessageId;
            context.CorrelationId = row.CorrelationId;
        }, deadline.Token);
        // Disposed when the publish ends, even one given up on below, so MassTransit never holds a disposed token; its
        // outcome is observed there too.
        _ = publish.ContinueWith(static (done, state) =>
        {
            _ = done.Exception;
            ((CancellationTokenSource)state!).Dispose();
        }, deadline, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        // MassTransit can keep a publish waiting for a lost connection past its token; the wait ends here regardless, so the
        // attempt is recorded and retried. A publish given up on that still completes later sends the same message id,
        // which consumers' inboxes take once.
        await publish.WaitAsync(timeout, cancellationToken);
    }

    private async Task CleanupAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now < _nextCleanup)
        {
            return;
        }
        _nextCleanup = now.AddHours(1);
        var cutoff = now - settings.SentRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await db.Set<OutboxMessage>().Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {MessageType} {MessageId} (outbox #{Sequence})")]
    private static partial void LogPublished(ILogger logger, string messageType, Guid messageId, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; pending events stay stored and are retried in {Delay}")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, TimeSpan delay);
}
