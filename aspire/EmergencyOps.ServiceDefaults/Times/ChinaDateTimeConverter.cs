using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyOps.ServiceDefaults.Times;

/// <summary>
/// A DateTime in JSON: written as its instant in China Standard Time (<see cref="ChinaStandardTime.From(DateTime)"/>),
/// read from any time with an explicit offset as the UTC instant it names.
/// </summary>
public sealed class ChinaDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ExplicitOffset.Read(ref reader).UtcDateTime;

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(ChinaStandardTime.From(value));
    }
}
