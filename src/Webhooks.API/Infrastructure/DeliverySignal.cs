using EmergencyOps.Messaging.Redis;
using StackExchange.Redis;

namespace Webhooks.API.Infrastructure;

/// <summary>
/// Wakes the dispatchers when deliveries become due now (an event arrived, a replay was asked for): this replica's at
/// once, the others' through a Redis channel. Pub/sub may lose a message; polling is the fallback, so nothing waits
/// longer than a poll interval.
/// </summary>
public sealed partial class DeliverySignal(IConnectionMultiplexer redis, IConfiguration configuration, ILogger<DeliverySignal> logger) : IHostedService, IDisposable
{
    private readonly SemaphoreSlim _pending = new(0, 1);
    private readonly RedisChannel _channel = RedisChannel.Literal($"{configuration["Redis:KeyPrefix"] ?? "emergencyops:"}webhooks:due");

    /// <summary>This replica only (a send finished, a slot is free).</summary>
    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up looks at everything due.
        }
    }

    /// <summary>Every replica: deliveries were stored or replayed.</summary>
    public void NotifyAll()
    {
        Notify();
        try
        {
            redis.GetSubscriber().Publish(_channel, "due", CommandFlags.FireAndForget);
        }
        catch (Exception ex) when (RedisOutage.Is(ex))
        {
            LogWakeFailed(logger, ex);
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(_channel, (_, _) => Notify());
        }
        catch (Exception ex) when (RedisOutage.Is(ex, cancellationToken))
        {
            // Redis down at start: this replica polls until it is back (the multiplexer resubscribes on reconnect).
            LogWakeFailed(logger, ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => _pending.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reach Redis to wake the other replicas' dispatchers; they poll instead")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception);
}
