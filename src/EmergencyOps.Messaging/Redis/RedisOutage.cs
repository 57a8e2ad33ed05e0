using StackExchange.Redis;

namespace EmergencyOps.Messaging.Redis;

/// <summary>
/// How Redis being down or hung reaches a caller of StackExchange.Redis: its own exceptions, timeouts, and commands it
/// cancels when it gives up on a connection. Caches and notifications treat all three as "Redis is away", never as a
/// failure of the request they serve.
/// </summary>
public static class RedisOutage
{
    public static bool Is(Exception exception, CancellationToken cancellationToken = default) =>
        exception is RedisException or TimeoutException
        || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested);
}
