using Microsoft.Extensions.Logging;

namespace EmergencyOps.Samples.Integrator;

public sealed partial class EventSubscriber
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{OccurredAt:u} {Type} {Summary}")]
    private static partial void LogEvent(ILogger logger, DateTimeOffset? occurredAt, string type, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to {Host}: queue {Queue} bound to {Bound} exchanges ({Missing} not created yet, retried)")]
    private static partial void LogConnected(ILogger logger, string host, string queue, int bound, int missing);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connection lost ({Reason}); reconnecting")]
    private static partial void LogConnectionLost(ILogger logger, string reason);

    // The broker's address only: the connection string carries the password.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not connect to or consume from {Host}; trying again in {Delay}")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception, string host, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unreadable message from exchange {Exchange}: dead-lettered")]
    private static partial void LogUnreadable(ILogger logger, Exception exception, string exchange);
}
