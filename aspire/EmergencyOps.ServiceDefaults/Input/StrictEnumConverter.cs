using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Enums by name only, as <see cref="EnumNames"/> reads them from a query: the built-in converter alone also reads a
/// comma list ("open,closed") as the members' bitwise OR and trims padding ("open\t"), so a value the contract refuses
/// could bind to some other member. Names are checked here, then the built-in converter reads and writes them; the
/// OpenAPI documents keep their enum schemas through <see cref="EnumSchemaTransformer"/>.
/// </summary>
internal sealed class StrictEnumConverter : JsonConverterFactory
{
    private readonly JsonStringEnumConverter _names = new(JsonNamingPolicy.CamelCase, allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    [UnconditionalSuppressMessage("AOT", "IL3050", Justification = "The services run on the JIT; enums are value types known at compile time.")]
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Named<>).MakeGenericType(typeToConvert), _names.CreateConverter(typeToConvert, options)!)!;

    private sealed class Named<TEnum>(JsonConverter<TEnum> inner) : JsonConverter<TEnum> where TEnum : struct, Enum
    {
        // Any case, as the built-in converter reads them; the camelCase spelling differs from the name only in case.
        private static readonly HashSet<string> Names = new(Enum.GetNames<TEnum>(), StringComparer.OrdinalIgnoreCase);

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Check(ref reader);
            return inner.Read(ref reader, typeToConvert, options);
        }

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => inner.Write(writer, value, options);

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            Check(ref reader);
            return inner.ReadAsPropertyName(ref reader, typeToConvert, options);
        }

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            inner.WriteAsPropertyName(writer, value, options);

        private static void Check(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !Names.Contains(reader.GetString()!))
            {
                throw new JsonException($"Expected one of: {EnumNames.List<TEnum>()}.");
            }
        }
    }
}
