using System.Security.Cryptography;

namespace Webhooks.API.Model;

/// <summary>Standard Webhooks secrets: <c>whsec_</c> and 32 random bytes in base64; the bytes are the HMAC key.</summary>
public static class WebhookSecrets
{
    public const string Prefix = "whsec_";

    public static string Create() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] Key(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
    }
}
