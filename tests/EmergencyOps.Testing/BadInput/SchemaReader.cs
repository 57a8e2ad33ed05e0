using System.Globalization;
using System.Text.Json;

namespace EmergencyOps.Testing.BadInput;

/// <summary>Reads an OpenAPI document's schemas: resolves references, tells types and limits, makes a plausible value.</summary>
public sealed class SchemaReader(JsonElement document)
{
    private readonly JsonElement _schemas = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;

    public JsonElement Resolve(JsonElement schema)
    {
        for (var i = 0; i < 10 && schema.ValueKind == JsonValueKind.Object; i++)
        {
            if (schema.TryGetProperty("$ref", out var reference) && _schemas.ValueKind == JsonValueKind.Object
                && _schemas.TryGetProperty(reference.GetString()!.Split('/')[^1], out var target))
            {
                schema = target;
            }
            else if (schema.TryGetProperty("oneOf", out var any) || schema.TryGetProperty("anyOf", out any))
            {
                schema = any.EnumerateArray().FirstOrDefault(v => !Types(v).SequenceEqual(["null"]) && !(v.TryGetProperty("type", out var t) && t.GetString() == "null"));
            }
            else
            {
                break;
            }
        }
        return schema;
    }

    public JsonElement ParameterSchema(JsonElement parameter) => parameter.TryGetProperty("schema", out var s) ? Resolve(s) : default;

    /// <summary>The schema's types without "null".</summary>
    public static List<string> Types(JsonElement schema) =>
        schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var t) ? []
        : t.ValueKind == JsonValueKind.Array ? [.. t.EnumerateArray().Select(x => x.GetString()!).Where(x => x != "null")]
        : t.GetString() == "null" ? [] : [t.GetString()!];

    public static double? Number(JsonElement schema, string name) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty(name, out var v) && v.TryGetDouble(out var d) ? d : null;

    public static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;

    public static bool HasEnum(JsonElement schema) => schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out _);

    public static bool IsUuidOrInteger(JsonElement schema) => Types(schema).Contains("integer") || Format(schema) == "uuid";

    /// <summary>A value of the right type for a parameter or property the test has no better value for.</summary>
    public static string Plausible(JsonElement schema)
    {
        var types = Types(schema);
        return HasEnum(schema) && schema.GetProperty("enum").GetArrayLength() > 0 ? schema.GetProperty("enum")[0].ToString()
            : Format(schema) == "uuid" ? Guid.NewGuid().ToString()
            : Format(schema) is "date-time" ? DateTimeOffset.UtcNow.AddHours(1).ToString("O", CultureInfo.InvariantCulture)
            : types.Contains("integer") || types.Contains("number") ? (Number(schema, "minimum") ?? 1).ToString(CultureInfo.InvariantCulture)
            : types.Contains("boolean") ? "true"
            : "x";
    }
}
