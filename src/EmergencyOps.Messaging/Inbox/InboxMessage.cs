namespace EmergencyOps.Messaging.Inbox;

/// <summary>
/// A message a consumer has applied, stored in the same transaction as its effects. The key
/// (message id, consumer) makes a second application impossible, however often the broker redelivers.
/// </summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }

    public required string ConsumerId { get; set; }

    public DateTime ReceivedAt { get; set; }
}
