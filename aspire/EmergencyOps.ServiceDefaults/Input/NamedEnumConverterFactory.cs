using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Enums in camelCase names: read by name only (42 or "42" is refused), written by name, and a value no name
/// stands for (a row stored before these rules) written as its number rather than failing the whole response.
/// </summary>
public sealed class NamedEnumConverterFactory : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _strict = new(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
    private readonly JsonStringEnumConverter _lenient = new(JsonNamingPolicy.CamelCase, allowIntegerValues: true);

    public override bool CanConvert(Type typeToConvert) => _strict.CanConvert(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(
            typeof(Converter<>).MakeGenericType(typeToConvert),
            _strict.CreateConverter(typeToConvert, options),
            _lenient.CreateConverter(typeToConvert, options))!;

    private sealed class Converter<T>(JsonConverter<T> read, JsonConverter<T> write) : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            read.Read(ref reader, typeToConvert, options);

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            write.Write(writer, value, options);

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            read.ReadAsPropertyName(ref reader, typeToConvert, options);

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            write.WriteAsPropertyName(writer, value, options);
    }
}
