using StackExchange.Redis;

namespace EmergencyOps.Messaging.Redis;

/// <summary>
/// How Redis being down or hung reaches a caller of StackExchange.Redis: its own exceptions, timeouts, commands it
/// cancels when it gives up on a connection, and the pipe fault it hands to commands pending on a connection its heartbeat
/// tore down (an <see cref="InvalidOperationException"/> "Reading is not allowed after reader was completed", thrown in
/// its <c>PhysicalConnection</c>: StackExchange/StackExchange.Redis#3085). Caches and notifications treat all of them as
/// "Redis is away", never as a failure of the request they serve.
/// </summary>
public static class RedisOutage
{
    public static bool Is(Exception exception, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception is RedisException or TimeoutException
            || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            || (exception is InvalidOperationException && ThrownInClient(exception));
    }

    // Only the client's own fault: an InvalidOperationException of the caller's code stays a bug, not an outage.
    private static bool ThrownInClient(Exception exception) =>
        exception.StackTrace?.Contains("StackExchange.Redis.", StringComparison.Ordinal) == true;
}
