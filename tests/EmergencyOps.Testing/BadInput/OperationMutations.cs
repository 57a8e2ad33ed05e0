using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyOps.Testing.BadInput;

/// <summary>Every single mutation of one operation, in document order: query, path, the whole body, its media type, each property.</summary>
public sealed class OperationMutations(SchemaReader schemas, Random random)
{
    public const string UnknownProperty = "unknownProperty";

    public IEnumerable<Mutation> Query(IEnumerable<JsonElement> parameters)
    {
        foreach (var parameter in parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            foreach (var (label, value) in BadValues.ForQuery(schemas.ParameterSchema(parameter), name))
            {
                yield return new($"?{name}", $"?{name}={label}", d => d.Query[name] = value);
            }
        }
    }

    public IEnumerable<Mutation> Path(IEnumerable<JsonElement> parameters, IReadOnlyDictionary<string, string> values)
    {
        foreach (var parameter in parameters)
        {
            var name = parameter.GetProperty("name").GetString()!;
            var schema = schemas.ParameterSchema(parameter);
            IEnumerable<(string, string)> bad = SchemaReader.Format(schema) == "uuid"
                ? [("not a UUID", "not-a-uuid"), ("the empty UUID", Guid.Empty.ToString()), ("an unknown id", random.NextGuid().ToString())]
                : SchemaReader.Types(schema).Contains("integer") ? [("not a number", "abc"), ("2^63", "9223372036854775808"), ("a fraction", "1.5")]
                : [("600 characters", new string('x', 600)), ("a control character", "a\u0001b"), .. BadDomainValues.For(name, values.GetValueOrDefault(name))];
            foreach (var (label, value) in bad)
            {
                yield return new($"{{{name}}}", $"{{{name}}}={label}", d => d.Path[name] = value);
            }
        }
    }

    public static IEnumerable<Mutation> WholeBody(string example, bool required)
    {
        foreach (var (label, text) in BadValues.ForWholeBody(example, required))
        {
            yield return new("body", label, d => d.WholeBody = text);
        }
        yield return new("body", "body: XML", d => d.WholeBody = "<request><name>x</name></request>");
        yield return new("body", "body: a lone surrogate escape", d => d.WholeBody = "\"\\ud800\"");
        // A JSON body sent as what it is not: the service must not guess.
        foreach (var type in new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", null })
        {
            yield return new("content-type", $"Content-Type: {type ?? "none"}", d => d.ContentType = type);
        }
    }

    public IEnumerable<Mutation> Properties(JsonNode example, JsonElement schema)
    {
        var bodies = new JsonBodies(schemas);
        foreach (var (path, node, propertySchema) in bodies.Leaves(example, schema))
        {
            var name = path.Split('.', '[')[^1].TrimEnd(']');
            foreach (var (label, raw) in BadValues.ForBody(node, propertySchema, name))
            {
                yield return new(path, $"{path} = {label}", d => d.Edits.Add(new BodyEdit(path, raw)));
            }
            if (node is JsonObject)
            {
                yield return new(path + "." + UnknownProperty, $"{path} with an unknown property", d => d.Edits.Add(BodyEdit.Add(path, UnknownProperty, "\"x\"")), Alone: false);
            }
        }
        // What the schema requires (non-nullable by the contract, see OpenApiChecks) may be neither left out nor null.
        foreach (var path in bodies.Required(example, schema))
        {
            yield return new(path, $"{path} missing", d => d.Edits.Add(BodyEdit.Remove(path)));
            yield return new(path, $"{path} = null", d => d.Edits.Add(new BodyEdit(path, "null")));
        }
        yield return new("$." + UnknownProperty, "an unknown property", d => d.Edits.Add(BodyEdit.Add("$", UnknownProperty, "\"x\"")), Alone: false);
    }
}
