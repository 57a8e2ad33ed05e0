namespace EmergencyOps.Messaging.Outbox;

/// <summary>
/// An integration event waiting to be published, written in the same transaction as the state change
/// that caused it. <see cref="Sequence"/> gives the delivery order.
/// </summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }

    /// <summary>The event's id; also the broker message id, which consumers' inboxes key on.</summary>
    public Guid MessageId { get; set; }

    /// <summary>Assembly-qualified name of the event type (without version), resolved when publishing.</summary>
    public required string MessageType { get; set; }

    public required string Body { get; set; }

    public Guid CorrelationId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public int Attempts { get; set; }

    public string? LastError { get; set; }

    /// <summary>
    /// W3C trace context of the request or consumer that stored the event, so the publish and the consumers
    /// in other services join its trace although a background dispatcher sends it.
    /// </summary>
    public string? TraceParent { get; set; }

    public const int TraceParentLength = 55;
}
