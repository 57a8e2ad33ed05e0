namespace Webhooks.API.Model;

/// <summary>One attempt: when, the receiver's status (none when it never answered), how long, and why it failed.</summary>
public sealed record AttemptResponse(DateTime At, int? StatusCode, int DurationMs, DeliveryError Error);

/// <summary>A delivery with its attempts; <c>webhookId</c> is the <c>webhook-id</c> header it carries every time.</summary>
public sealed record DeliveryResponse(
    Guid Id, string WebhookId, Guid SubscriptionId, Guid EventId, string EventType, DeliveryStatus Status, int AttemptCount,
    DateTime? NextAttemptAt, DateTime CreatedAt, DateTime? CompletedAt, int? LastStatusCode, DeliveryError? LastError,
    IReadOnlyList<AttemptResponse> Attempts)
{
    /// <summary>The latest attempts shown with a delivery; older ones are counted, not listed.</summary>
    public const int MaxAttemptsShown = 30;

    public static DeliveryResponse From(Delivery d, IEnumerable<DeliveryAttempt> attempts)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Id, Delivery.WebhookIdOf(d.Id), d.SubscriptionId, d.EventId, d.EventType, d.Status, d.Attempts,
            d.Status == DeliveryStatus.Pending ? d.NextAttemptAt : null, d.CreatedAt, d.CompletedAt, d.LastStatusCode, d.LastError,
            [.. attempts.OrderBy(a => a.Id).TakeLast(MaxAttemptsShown).Select(a => new AttemptResponse(a.At, a.StatusCode, a.DurationMs, a.Error))]);
    }
}

/// <summary>How many deliveries a replay queued again.</summary>
public sealed record ReplayResponse(Guid SubscriptionId, DateTimeOffset Since, int Deliveries);
