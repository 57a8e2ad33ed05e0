using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Refuses text that XML 1.0 cannot carry (NUL and other control characters but tab and line breaks, C1 controls,
/// lone surrogates, U+FFFE/U+FFFF) and text longer than any field allows; field limits come from the request types.
/// </summary>
public sealed class XmlSafeStringConverter : JsonConverter<string>
{
    /// <summary>No field of any request is longer; per-field limits are stricter.</summary>
    public const int MaxLength = 20_000;

    public override bool HandleNull => false;

    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Expected text (a JSON string).");
        }
        var value = reader.GetString()!;
        if (value.Length > MaxLength)
        {
            throw new JsonException($"Text is at most {MaxLength} characters.");
        }
        return TextRules.FirstForbidden(value, allowLineBreaks: true) is { } at
            ? throw new JsonException($"Contains {TextRules.Describe(value, at)}, which is not allowed.")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
