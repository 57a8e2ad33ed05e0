using System.ComponentModel.DataAnnotations;

namespace EmergencyOps.Messaging.Outbox;

/// <summary>Section <c>Messaging:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Fallback poll when no in-process signal arrives (another replica, a restart).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long one publish may wait for the broker's confirm before the batch is retried later.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Pause after a failed publish (broker down), so an outage is not a busy loop.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Sent rows are kept this long (for audit and support) and then deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan SentRetention { get; set; } = TimeSpan.FromDays(7);
}
