namespace EmergencyOps.Messaging.Outbox;

/// <summary>
/// Who may dispatch the outbox right now. Replicas of a service share one database, so one of them at a
/// time reads and publishes pending rows: each row goes out once and in sequence order. The holder releases
/// the lease after every batch, so whichever replica stored the next event can send it at once; a holder that
/// died loses the lease when <see cref="ExpiresAt"/> passes.
/// </summary>
public sealed class OutboxLease
{
    public const string Dispatch = "dispatch";

    public required string Name { get; set; }

    public string? Holder { get; set; }

    public DateTime ExpiresAt { get; set; }
}
