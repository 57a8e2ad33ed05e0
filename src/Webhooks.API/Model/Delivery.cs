namespace Webhooks.API.Model;

public enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt (or for its paused subscription to resume).</summary>
    Pending,

    /// <summary>The receiver answered 2xx.</summary>
    Succeeded,

    /// <summary>Every attempt of the schedule failed, or the receiver answered 410 Gone.</summary>
    Failed,
}

/// <summary>Why an attempt failed, without anything the receiver sent back.</summary>
public enum DeliveryError
{
    None,

    /// <summary>The receiver answered, but not with 2xx (see the status code).</summary>
    HttpStatus,

    /// <summary>No answer within the connect or request timeout.</summary>
    Timeout,

    /// <summary>The connection was refused, reset or not made (DNS included).</summary>
    Connection,

    /// <summary>The TLS handshake failed.</summary>
    Tls,

    /// <summary>The host resolved to, or connected to, an address the outbound policy forbids (loopback, private, …).</summary>
    ForbiddenAddress,
}

/// <summary>One event for one subscription: the signed body and its delivery state across retries and replays.</summary>
public class Delivery
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid SubscriptionId { get; set; }

    public Subscription? Subscription { get; set; }

    public Guid EventId { get; set; }

    public required string EventType { get; set; }

    /// <summary>The CloudEvents structured JSON, fixed when the event arrived: every attempt sends the same bytes.</summary>
    public required string Body { get; set; }

    /// <summary>The consumed message's W3C trace context: the delivery continues its trace.</summary>
    public string? TraceParent { get; set; }

    public DeliveryStatus Status { get; set; }

    /// <summary>Attempts spent on the retry schedule since the delivery was recorded or last replayed.</summary>
    public int Attempts { get; set; }

    public DateTime NextAttemptAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public int? LastStatusCode { get; set; }

    public DeliveryError? LastError { get; set; }

    /// <summary>Who is sending it right now: a dispatcher's claim, valid until <see cref="LeaseUntil"/> (wall-clock).</summary>
    public Guid? LeaseToken { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public List<DeliveryAttempt> AttemptLog { get; set; } = [];

    /// <summary>The Standard Webhooks <c>webhook-id</c>: the same for every retry and replay of this delivery.</summary>
    public static string WebhookIdOf(Guid id) => $"msg_{id:N}";
}

/// <summary>One HTTP attempt: when, what status, how long, and why it failed. Never the receiver's body.</summary>
public class DeliveryAttempt
{
    public long Id { get; set; }

    public Guid DeliveryId { get; set; }

    public DateTime At { get; set; }

    public int? StatusCode { get; set; }

    public int DurationMs { get; set; }

    public DeliveryError Error { get; set; }
}
