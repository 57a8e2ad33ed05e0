using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyOps.ServiceDefaults.Times;

/// <summary>
/// A DateTimeOffset in JSON: written as its instant in China Standard Time, whatever offset it was stored with (a scan
/// time keeps the scanner's); read from any time with an explicit offset, which it keeps.
/// </summary>
public sealed class ChinaDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ExplicitOffset.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ChinaStandardTime.From(value));
    }
}
