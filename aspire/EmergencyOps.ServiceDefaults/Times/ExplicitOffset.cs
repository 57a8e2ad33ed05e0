using System.Text.Json;

namespace EmergencyOps.ServiceDefaults.Times;

/// <summary>
/// Reads a time from JSON only when it names its offset (<c>Z</c>, <c>+08:00</c>, <c>-05:00</c>): a time without one
/// would be read in the server's own zone, so the same request would mean another instant on another machine. The
/// syntax is System.Text.Json's ISO 8601 profile, as before.
/// </summary>
internal static class ExplicitOffset
{
    public static DateTimeOffset Read(ref Utf8JsonReader reader)
    {
        // A JsonException without a message makes the serializer name the field and the expected type; the 400 says
        // what a time looks like (BadRequestProblemHandler).
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out var value) || !HasOffset(reader.GetString()!))
        {
            throw new JsonException();
        }
        return value;
    }

    // Past the 'T' (a date alone has no time, so no offset), a zone is 'Z' or a sign; the date's own '-' come before it.
    private static bool HasOffset(string text)
    {
        var time = text.IndexOf('T', StringComparison.Ordinal);
        return time > 0 && (text.EndsWith('Z') || text.AsSpan(time).IndexOfAny('+', '-') >= 0);
    }
}
