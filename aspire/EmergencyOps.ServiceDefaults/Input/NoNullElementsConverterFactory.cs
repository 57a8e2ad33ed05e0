using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Lists of text or objects never hold null: <c>["H314", null]</c> is refused naming the item, instead of
/// reaching code that trusts its element type.
/// </summary>
public sealed class NoNullElementsConverterFactory : JsonConverterFactory
{
    private static readonly Type[] ListShapes =
        [typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(IList<>), typeof(ICollection<>), typeof(IEnumerable<>), typeof(List<>)];

    public override bool CanConvert(Type typeToConvert)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        var element = ElementType(typeToConvert);
        return element is not null && (!element.IsValueType || Nullable.GetUnderlyingType(element) is not null);
    }

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(typeToConvert);
        var element = ElementType(typeToConvert)!;
        return (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(element), [typeToConvert.IsArray])!;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray && type.GetArrayRank() == 1 ? type.GetElementType()
        : type.IsGenericType && ListShapes.Contains(type.GetGenericTypeDefinition()) ? type.GetGenericArguments()[0]
        : null;

    private sealed class Converter<T>(bool array) : JsonConverter<IEnumerable<T>>
    {
        public override bool CanConvert(Type typeToConvert) => ElementType(typeToConvert) == typeof(T);

        public override IEnumerable<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException("Expected a list (a JSON array).");
            }
            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(reader.TokenType == JsonTokenType.Null
                    ? throw new JsonException($"Item {items.Count} is null; a list holds no nulls.")
                    : JsonSerializer.Deserialize<T>(ref reader, options)!);
            }
            return array ? items.ToArray() : items;
        }

        public override void Write(Utf8JsonWriter writer, IEnumerable<T> value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            ArgumentNullException.ThrowIfNull(value);
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonSerializer.Serialize(writer, item, options);
            }
            writer.WriteEndArray();
        }
    }
}
