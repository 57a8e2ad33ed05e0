namespace EmergencyOps.Messaging.Outbox;

/// <summary>
/// Who may dispatch the outbox right now. Replicas of a service share one database, so one of them at a
/// time reads and publishes pending rows: each row goes out once and in sequence order. The holder keeps the
/// lease while it finds rows to send (the other replicas' too, as it looks again within 100 ms) and gives it
/// back when it finds none or cannot publish, so another replica can send at once; a holder that died loses
/// the lease when <see cref="ExpiresAt"/> passes.
/// </summary>
public sealed class OutboxLease
{
    public const string Dispatch = "dispatch";

    public required string Name { get; set; }

    public string? Holder { get; set; }

    public DateTime ExpiresAt { get; set; }
}
