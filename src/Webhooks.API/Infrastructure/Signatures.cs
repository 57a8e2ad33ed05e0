using StandardWebhooks;
using Webhooks.API.Model;

namespace Webhooks.API.Infrastructure;

/// <summary>
/// The <c>webhook-signature</c> header (Standard Webhooks 1.0): <c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>{id}.{timestamp}.{body}</c>, once per valid secret, space-separated: during a rotation's overlap both the new and
/// the previous secret sign, so a receiver that still has the old one keeps verifying.
/// </summary>
public static class Signatures
{
    public static string Sign(ClaimedDelivery delivery, DateTimeOffset timestamp, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var secrets = delivery.PreviousSecret is { } previous && delivery.PreviousSecretExpiresAt > now
            ? new[] { delivery.Secret, previous }
            : [delivery.Secret];
        return string.Join(' ', secrets.Select(s => new StandardWebhook(WebhookSecrets.Key(s)).Sign(delivery.WebhookId, timestamp, delivery.Body)));
    }
}
