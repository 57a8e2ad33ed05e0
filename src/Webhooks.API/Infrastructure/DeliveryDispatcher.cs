using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Webhooks.API.Extensions;
using Webhooks.API.Model;

namespace Webhooks.API.Infrastructure;

/// <summary>
/// Sends due deliveries: claims them (<see cref="DeliveryClaims"/>), sends each on its own task within a global bound and
/// a bound per receiver, so one slow or dead receiver never holds the others up, and records each outcome. Safe with
/// several replicas: each delivery is claimed by one at a time, and a claim a crashed replica left expires.
/// </summary>
public sealed partial class DeliveryDispatcher(
    IServiceScopeFactory scopes, WebhookSender sender, EndpointCircuits circuits, DeliveryOutcomes outcomes, DeliverySignal signal,
    IOptions<WebhooksOptions> options, TimeProvider time, ILogger<DeliveryDispatcher> logger) : BackgroundService
{
    public const string ActivitySourceName = "Webhooks.API";
    private static readonly ActivitySource Tracing = new(ActivitySourceName);
    private readonly ConcurrentDictionary<string, int> _busy = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, bool> _running = new();
    private readonly WebhooksOptions _settings = options.Value;
    private DateTime _nextCleanup = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stopped = Task.Delay(Timeout.Infinite, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (_running.Count >= _settings.MaxConcurrency)
                {
                    await Task.WhenAny(_running.Keys.Append(stopped));
                    continue;
                }
                var started = await PumpAsync(stoppingToken);
                await CleanupAsync(stoppingToken);
                if (started == 0)
                {
                    await signal.WaitAsync(_settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogPumpFailed(logger, ex);
                await Task.Delay(_settings.PollInterval, TimeProvider.System, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        // Sends in flight give their deliveries back (unspent) when cancelled; wait for them to do so.
        await Task.WhenAll(_running.Keys);
    }

    /// <summary>Claims what is due and this replica has room for, and starts sending it; returns how many it started.</summary>
    public async Task<int> PumpAsync(CancellationToken cancellationToken)
    {
        var free = _settings.MaxConcurrency - _running.Count;
        List<ClaimedDelivery> claimed;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WebhooksContext>();
            claimed = await DeliveryClaims.ClaimAsync(db, free, Room, time.GetUtcNow().UtcDateTime, TimeProvider.System.GetUtcNow().UtcDateTime,
                _settings.LeaseDuration, cancellationToken);
        }
        foreach (var delivery in claimed)
        {
            _busy.AddOrUpdate(delivery.Origin, 1, (_, n) => n + 1);
            var task = Task.Run(() => DeliverAsync(delivery, cancellationToken), CancellationToken.None);
            _running[task] = true;
            _ = task.ContinueWith(done =>
            {
                _running.TryRemove(done, out _);
                _busy.AddOrUpdate(delivery.Origin, 0, (_, n) => n - 1);
                signal.Notify();
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return claimed.Count;
    }

    // An open circuit takes nothing; otherwise what is left of the receiver's share.
    private int Room(string origin) => circuits.IsOpen(origin) ? 0 : _settings.MaxConcurrencyPerEndpoint - _busy.GetValueOrDefault(origin);

    private async Task DeliverAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        // The delivery continues the trace of the event it carries; the HTTP client's span (and traceparent) hangs below.
        using var activity = StartActivity(delivery);
        try
        {
            var outcome = await circuits.ExecuteAsync(delivery.Origin, ct => sender.SendAsync(delivery, ct), cancellationToken);
            activity?.SetTag("http.response.status_code", outcome.StatusCode);
            await outcomes.RecordAsync(delivery, outcome);
        }
        catch (BrokenCircuitException ex)
        {
            await outcomes.PostponeAsync(delivery, ex.RetryAfter ?? _settings.BreakerBreakDuration);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await outcomes.PostponeAsync(delivery, TimeSpan.Zero);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The outcome could not be written: the lease expires and the delivery is sent again (at least once).
            LogRecordFailed(logger, ex, delivery.WebhookId);
        }
    }

    private static Activity? StartActivity(ClaimedDelivery delivery)
    {
        var parent = delivery.TraceParent is { } traceParent && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;
        var activity = Tracing.StartActivity("webhook deliver", ActivityKind.Internal, parent)
            // Nobody listens (no tracing configured): an activity of our own still carries the trace on to the receiver.
            ?? (parent == default ? null : new Activity("webhook deliver").SetParentId(parent.TraceId, parent.SpanId, parent.TraceFlags).Start());
        activity?.SetTag("webhook.id", delivery.WebhookId);
        activity?.SetTag("webhook.event_type", delivery.EventType);
        activity?.SetTag("server.address", delivery.Origin);
        return activity;
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now < _nextCleanup)
        {
            return;
        }
        _nextCleanup = now.AddHours(1);
        var cutoff = now - _settings.DeliveryRetention;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksContext>();
        await db.Deliveries.Where(d => d.Status != DeliveryStatus.Pending && d.CompletedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook dispatch failed; due deliveries stay stored and are claimed again")]
    private static partial void LogPumpFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The outcome of delivery {WebhookId} could not be recorded; it is sent again once its claim expires")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string webhookId);
}
