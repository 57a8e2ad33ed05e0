using System.Text;
using System.Text.Json;

namespace EmergencyOps.Testing;

/// <summary>Reads a JWT's header and payload (the signature is the services' business; the tests check what it says).</summary>
public static class Jwt
{
    public static JsonElement Header(string token) => Part(token, 0);

    public static JsonElement Payload(string token) => Part(token, 1);

    /// <summary>A claim that may be one value or an array, as strings.</summary>
    public static IReadOnlyList<string> Values(JsonElement payload, string claim) =>
        !payload.TryGetProperty(claim, out var value) ? []
        : value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)]
        : claim == "scope" ? value.GetString()!.Split(' ') : [value.GetString()!];

    private static JsonElement Part(string token, int index)
    {
        var part = token.Split('.')[index].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + (4 - part.Length % 4) % 4, '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part))).RootElement.Clone();
    }
}
