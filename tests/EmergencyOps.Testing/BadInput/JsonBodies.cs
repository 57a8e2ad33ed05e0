using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyOps.Testing.BadInput;

/// <summary>Request bodies as trees: completed from the schema, walked property by property, one value replaced by raw JSON.</summary>
public sealed class JsonBodies(SchemaReader reader)
{
    /// <summary>The example with every property the schema knows, so each one gets broken in turn.</summary>
    public JsonNode? Complete(JsonNode? node, JsonElement schema, int depth = 0)
    {
        if (depth > 8 || schema.ValueKind != JsonValueKind.Object)
        {
            return node;
        }
        var types = SchemaReader.Types(schema);
        if (schema.TryGetProperty("properties", out var properties))
        {
            var obj = node as JsonObject ?? [];
            foreach (var property in properties.EnumerateObject())
            {
                obj[property.Name] = Complete(obj[property.Name]?.DeepClone(), reader.Resolve(property.Value), depth + 1);
            }
            return obj;
        }
        if (types.Contains("array"))
        {
            var array = node as JsonArray ?? [];
            if (array.Count == 0 && schema.TryGetProperty("items", out var items) && Complete(null, reader.Resolve(items), depth + 1) is { } item)
            {
                array.Add(item);
            }
            return array;
        }
        if (node is not null || types.Count == 0)
        {
            return node;
        }
        var plausible = SchemaReader.Plausible(schema);
        return types.Contains("integer") || types.Contains("number") ? JsonValue.Create(double.Parse(plausible, CultureInfo.InvariantCulture))
            : types.Contains("boolean") ? JsonValue.Create(true)
            : JsonValue.Create(plausible);
    }

    /// <summary>Every property and the first item of every list, with the schema that describes it.</summary>
    public IEnumerable<(string Path, JsonNode? Node, JsonElement Schema)> Leaves(JsonNode? node, JsonElement schema, string path = "$")
    {
        if (node is JsonObject obj)
        {
            var properties = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var (key, child) in obj.ToList())
            {
                var childSchema = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(key, out var cs) ? reader.Resolve(cs) : default;
                yield return ($"{path}.{key}", child, childSchema);
                foreach (var leaf in Leaves(child, childSchema, $"{path}.{key}"))
                {
                    yield return leaf;
                }
            }
        }
        else if (node is JsonArray { Count: > 0 } array)
        {
            var items = schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("items", out var i) ? reader.Resolve(i) : default;
            yield return ($"{path}[0]", array[0], items);
            foreach (var leaf in Leaves(array[0], items, $"{path}[0]"))
            {
                yield return leaf;
            }
        }
    }

    /// <summary>The body with the value at <paramref name="path"/> (e.g. <c>$.area.districtCodes[0]</c>) replaced by raw JSON text.</summary>
    public static string Replace(JsonNode root, string path, string raw) => BodyEdit.Apply(root, [new BodyEdit(path, raw)]);

    /// <summary>The paths of the properties the schema requires, in the body and every object nested in it.</summary>
    public IEnumerable<string> Required(JsonNode? node, JsonElement schema, string path = "$")
    {
        if (node is JsonObject obj && schema.ValueKind == JsonValueKind.Object)
        {
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : [];
            var properties = schema.TryGetProperty("properties", out var p) ? p : default;
            foreach (var (key, child) in obj.ToList())
            {
                if (required.Contains(key))
                {
                    yield return $"{path}.{key}";
                }
                var childSchema = properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(key, out var cs) ? reader.Resolve(cs) : default;
                foreach (var nested in Required(child, childSchema, $"{path}.{key}"))
                {
                    yield return nested;
                }
            }
        }
        else if (node is JsonArray { Count: > 0 } array && schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("items", out var items))
        {
            foreach (var nested in Required(array[0], reader.Resolve(items), $"{path}[0]"))
            {
                yield return nested;
            }
        }
    }
}
