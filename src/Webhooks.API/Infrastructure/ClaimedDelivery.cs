using Webhooks.API.Model;

namespace Webhooks.API.Infrastructure;

/// <summary>A delivery a dispatcher holds the lease on, with what sending it needs from its subscription.</summary>
public sealed record ClaimedDelivery(
    Guid Id, Guid LeaseToken, Guid SubscriptionId, string Url, string Origin, bool AllowPrivateNetwork, string EventType, string Body,
    string? TraceParent, int Attempts, string Secret, string? PreviousSecret, DateTime? PreviousSecretExpiresAt)
{
    public string WebhookId => Delivery.WebhookIdOf(Id);
}

/// <summary>What one attempt came to. Nothing of the receiver's body is kept.</summary>
public sealed record SendOutcome(int? StatusCode, DeliveryError Error, TimeSpan Duration, TimeSpan? RetryAfter)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver asks never to be called again.</summary>
    public bool Gone => StatusCode == 410;

    /// <summary>Counts against the endpoint's health (the circuit breaker): no answer, 5xx or 429. A 4xx is about the delivery, not the endpoint.</summary>
    public bool EndpointFailed => Error is DeliveryError.Timeout or DeliveryError.Connection or DeliveryError.Tls || StatusCode is >= 500 or 429;
}
