namespace EmergencyOps.Samples.Integrator;

/// <summary>
/// The arguments that keep a slow or dead integrator from hurting anyone: a length limit that drops the oldest
/// message (drop-head: the publisher is never refused or slowed, unlike reject-publish, which would nack the
/// services' publishes), a time to live, and a dead-letter exchange of our own for what was dropped or expired.
/// </summary>
public static class QueuePolicy
{
    public static string DeadLetterName(string queue) => queue + ".dead";

    public static Dictionary<string, object?> ForQueue(string queue, int maxLength, TimeSpan ttl) => new()
    {
        ["x-max-length"] = maxLength,
        ["x-overflow"] = "drop-head",
        ["x-message-ttl"] = (long)ttl.TotalMilliseconds,
        ["x-dead-letter-exchange"] = DeadLetterName(queue),
    };

    /// <summary>The dead-letter queue is bounded too, and dead-letters nothing further.</summary>
    public static Dictionary<string, object?> ForDeadLetters(int maxLength, TimeSpan ttl) => new()
    {
        ["x-max-length"] = maxLength,
        ["x-overflow"] = "drop-head",
        ["x-message-ttl"] = (long)ttl.TotalMilliseconds,
    };
}
