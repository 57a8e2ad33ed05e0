using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Reads only finite JSON numbers (1e309 would otherwise become +∞ and poison every later read); writes a
/// non-finite value that is already stored as null, so one bad row never cuts a response short.
/// </summary>
public sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value) && double.IsFinite(value)
            ? value
            : throw new JsonException(reader.TokenType == JsonTokenType.Number ? "Expected a finite number." : "Expected a number.");

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <inheritdoc cref="FiniteDoubleConverter"/>
public sealed class FiniteSingleConverter : JsonConverter<float>
{
    public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number && reader.TryGetSingle(out var value) && float.IsFinite(value)
            ? value
            : throw new JsonException(reader.TokenType == JsonTokenType.Number ? "Expected a finite number." : "Expected a number.");

    public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
