using Xunit;
using System.Security.Cryptography;
using System.Text;

namespace EmergencyOps.Testing.Webhooks;

/// <summary>
/// Standard Webhooks verification written independently of the service (and of the StandardWebhooks package):
/// HMAC-SHA256 keyed with the base64 part of the <c>whsec_</c> secret over <c>{id}.{timestamp}.{body}</c>.
/// </summary>
public static class Signatures
{
    public static string Expected(ReceivedWebhook webhook, string secret)
    {
        ArgumentNullException.ThrowIfNull(webhook);
        ArgumentNullException.ThrowIfNull(secret);
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhook.Id}.{webhook.Timestamp}.{webhook.Body}")));
    }

    /// <summary>The signatures the header carries (space-separated).</summary>
    public static IReadOnlyList<string> Of(ReceivedWebhook webhook) => webhook.Signature.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static bool Verifies(ReceivedWebhook webhook, string secret) => Of(webhook).Contains(Expected(webhook, secret));
}
