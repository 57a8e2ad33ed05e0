using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using MassTransit.Serialization;

namespace EmergencyOps.Integrators.Tests.AsyncApi;

/// <summary>
/// JSON schemas of the events exactly as they travel: System.Text.Json's exporter over the options MassTransit
/// serializes with (camelCase, nulls written, decimals as strings, enums as numbers), plus the contracts' docs.
/// </summary>
internal static class PayloadSchemas
{
    /// <summary>MassTransit's own options, only told to read the records' nullability and required parameters.</summary>
    public static readonly JsonSerializerOptions Wire = new(SystemTextJsonMessageSerializer.Options)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public const string DecimalPattern = @"^-?[0-9]+(\.[0-9]+)?$";

    public static JsonObject For(Type type, XmlDocs docs)
    {
        var exporter = new JsonSchemaExporterOptions
        {
            // Lists of the contracts never hold nulls; STJ cannot see a generic argument's annotation.
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, node) => Transform(context, node, docs),
        };
        var schema = Wire.GetJsonSchemaAsNode(type, exporter).AsObject();
        var ordered = new JsonObject { ["title"] = type.Name, ["description"] = docs.Summary(type) };
        foreach (var (key, value) in schema.ToList())
        {
            schema.Remove(key);
            ordered[key] = value;
        }
        return ordered;
    }

    private static JsonObject Transform(JsonSchemaExporterContext context, JsonNode node, XmlDocs docs)
    {
        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        var nullable = type != context.TypeInfo.Type;
        var result = new JsonObject();
        if (context.PropertyInfo?.AttributeProvider is MemberInfo member && member.DeclaringType is { } declaring
            && docs.Parameter(declaring, member.Name) is { } description)
        {
            result["description"] = description;
        }
        if (type == typeof(decimal))
        {
            // MassTransit's StringDecimalJsonConverter: exact decimals, as strings.
            result["type"] = nullable ? new JsonArray("string", "null") : "string";
            result["pattern"] = DecimalPattern;
            return result;
        }
        if (node is JsonObject schema)
        {
            foreach (var (key, value) in schema.ToList())
            {
                schema.Remove(key);
                result[key] = value;
            }
        }
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type).Cast<object>().ToList();
            result["enum"] = new JsonArray([.. values.Select(v => (JsonNode)Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture))]);
            result["x-enum-names"] = new JsonArray([.. values.Select(v => (JsonNode)v.ToString()!)]);
            var names = string.Join("; ", values.Select(v => $"{Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)} = {v} ({docs.Field(type, v.ToString()!)?.TrimEnd('.')})"));
            result["description"] = $"{result["description"]?.GetValue<string>() ?? docs.Summary(type)} ({names})".Trim();
        }
        return result;
    }
}
