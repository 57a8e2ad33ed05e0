using System.Data.Common;
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
/// A crash between confirm and mark republishes the batch's confirmed rows with their message ids,
/// which the consumers' inboxes discard.
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
    // Long enough for several publishes that each wait out their timeout between two renewals.
    private readonly HeldLease _lease = new(Max(TimeSpan.FromSeconds(30), options.Value.PublishTimeout * 3));
    private DateTime _nextCleanup = DateTime.MinValue;

    private enum Pass { Drained, Holding, More, LeaseBusy }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var pass = await DispatchBatchAsync(settings, stoppingToken);
                    await CleanupAsync(settings, stoppingToken);
                    if (pass != Pass.More)
                    {
                        // Holding the lease, or waiting for another replica's: look again shortly, since what was stored
                        // meanwhile (here or there) may not have been in the batch.
                        await signal.WaitAsync(pass == Pass.Drained ? settings.PollInterval : Min(LeaseRetry, settings.PollInterval), stoppingToken);
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
        finally
        {
            await GiveBackAsync();
        }
    }

    private async Task<Pass> DispatchBatchAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (!await db.Set<OutboxMessage>().AnyAsync(m => m.SentAt == null, cancellationToken))
        {
            await _lease.ReleaseAsync(db);
            return Pass.Drained;
        }
        try
        {
            if (!await _lease.HoldAsync(db, cancellationToken))
            {
                return Pass.LeaseBusy;
            }
            // Read only under the lease: what another replica sent before is marked by now.
            var pending = await db.Set<OutboxMessage>().AsNoTracking()
                .Where(m => m.SentAt == null)
                .OrderBy(m => m.Sequence)
                .Take(settings.BatchSize)
                .ToListAsync(cancellationToken);
            var sent = new List<long>(pending.Count);
            try
            {
                foreach (var row in pending)
                {
                    if (!await _lease.HoldAsync(db, cancellationToken))
                    {
                        return Pass.LeaseBusy;
                    }
                    await PublishOneAsync(db, row, settings.PublishTimeout, cancellationToken);
                    sent.Add(row.Sequence);
                }
            }
            finally
            {
                await MarkSentAsync(db, sent);
            }
            return pending.Count < settings.BatchSize ? Pass.Holding : Pass.More;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Another replica may reach the broker when this one cannot: it takes over at once rather than after the lease.
            await _lease.ReleaseAsync(db);
            throw;
        }
    }

    private async Task GiveBackAsync()
    {
        if (!_lease.Held)
        {
            return;
        }
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await _lease.ReleaseAsync(scope.ServiceProvider.GetRequiredService<TContext>());
        }
        catch (Exception ex) when (ex is ObjectDisposedException or InvalidOperationException or DbException)
        {
            // Stopping anyway: the lease runs out by itself.
        }
    }

    private async Task PublishOneAsync(TContext db, OutboxMessage row, TimeSpan timeout, CancellationToken cancellationToken)
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
        LogPublished(logger, row.MessageType, row.MessageId, row.Sequence);
    }

    /// <summary>
    /// One commit for the batch's confirmed rows, also when a later row failed. A crash before it republishes them with
    /// their message ids, which the consumers' inboxes discard.
    /// </summary>
    private async Task MarkSentAsync(TContext db, List<long> sent)
    {
        if (sent.Count == 0)
        {
            return;
        }
        FailPoints.Reach(FailPoints.OutboxBeforeMark);
        var sentAt = time.GetUtcNow().UtcDateTime;
        await db.Set<OutboxMessage>().Where(m => sent.Contains(m.Sequence))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, sentAt), CancellationToken.None);
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
