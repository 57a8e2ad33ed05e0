using System.Text.Json;
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
    private DateTime _nextCleanup = DateTime.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var sent = await DispatchBatchAsync(settings, stoppingToken);
                await CleanupAsync(settings, stoppingToken);
                if (sent < settings.BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogDispatchFailed(logger, ex, settings.RetryDelay);
                await Task.Delay(settings.RetryDelay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    internal async Task<int> DispatchBatchAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var pending = await db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.SentAt == null)
            .OrderBy(m => m.Sequence)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var row in pending)
        {
            try
            {
                await PublishAsync(row, settings.PublishTimeout, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                await db.Set<OutboxMessage>().Where(m => m.Sequence == row.Sequence).ExecuteUpdateAsync(
                    s => s.SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, Truncate(ex.Message)),
                    CancellationToken.None);
                throw;
            }
            var now = time.GetUtcNow().UtcDateTime;
            await db.Set<OutboxMessage>().Where(m => m.Sequence == row.Sequence)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.SentAt, now), CancellationToken.None);
            LogPublished(logger, row.MessageType, row.MessageId, row.Sequence);
        }
        return pending.Count;
    }

    private async Task PublishAsync(OutboxMessage row, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var type = Type.GetType(row.MessageType, throwOnError: false)
            ?? throw new InvalidOperationException($"Outbox message {row.Sequence} has unknown type '{row.MessageType}'.");
        var message = JsonSerializer.Deserialize(row.Body, type, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException($"Outbox message {row.Sequence} has an empty body.");

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        await bus.Publish(message, type, context =>
        {
            context.MessageId = row.MessageId;
            context.CorrelationId = row.CorrelationId;
        }, deadline.Token);
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

    private static string Truncate(string text) => text.Length <= 1000 ? text : text[..1000];

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {MessageType} {MessageId} (outbox #{Sequence})")]
    private static partial void LogPublished(ILogger logger, string messageType, Guid messageId, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox dispatch failed; pending events stay stored and are retried in {Delay}")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception, TimeSpan delay);
}
