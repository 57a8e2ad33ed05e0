namespace EmergencyOps.Messaging.Idempotency;

/// <summary>
/// The first answer to a request carrying an <c>Idempotency-Key</c>, stored in the same transaction
/// as the changes it made, so a retry gets the same answer and changes nothing.
/// </summary>
public sealed class IdempotencyRecord
{
    /// <summary>Method and route the key was used on, and the caller: keys are unique per endpoint and caller.</summary>
    public required string Scope { get; set; }

    public required string Key { get; set; }

    /// <summary>SHA-256 of the route values and body: the same key with another payload is refused.</summary>
    public required string RequestHash { get; set; }

    public int StatusCode { get; set; }

    public string? ContentType { get; set; }

    public string? Location { get; set; }

    public byte[] Body { get; set; } = [];

    public DateTime CreatedAt { get; set; }
}
