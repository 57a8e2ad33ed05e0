using System.Text.Json;
using System.Text.Json.Nodes;

namespace EmergencyOps.Testing.BadInput;

/// <summary>
/// Generates, from a service's OpenAPI document, requests that every operation must refuse: each takes a valid
/// starting point (the operation's request example completed from its schema, real path values from the test) and
/// breaks one thing in it, by the schema's type (<see cref="BadValues"/>). In document order, so a run is repeatable.
/// </summary>
public sealed class BadRequestGenerator(JsonElement document, Func<string, string, string?> pathValue)
{
    private readonly SchemaReader _schemas = new(document);

    public IEnumerable<(string Operation, IReadOnlyList<BadRequest> Requests)> Generate(string prefix)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal)))
        {
            foreach (var op in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                var name = $"{op.Name.ToUpperInvariant()} {path.Name}";
                yield return (name, [.. ForOperation(name, new HttpMethod(op.Name.ToUpperInvariant()), path.Name, op.Value)]);
            }
        }
    }

    private IEnumerable<BadRequest> ForOperation(string name, HttpMethod method, string template, JsonElement operation)
    {
        var parameters = operation.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray().ToList() : [];
        var inPath = parameters.Where(p => p.GetProperty("in").GetString() == "path").ToList();
        var pathValues = inPath.ToDictionary(p => Name(p), p => pathValue(template, Name(p)) ?? SchemaReader.Plausible(_schemas.ParameterSchema(p)));
        var query = parameters.Where(p => p.GetProperty("in").GetString() == "query").ToList();
        var baseQuery = query.Where(p => p.TryGetProperty("required", out var r) && r.GetBoolean())
            .ToDictionary(p => Name(p), p => SchemaReader.Plausible(_schemas.ParameterSchema(p)));
        var body = operation.TryGetProperty("requestBody", out var rb) && rb.GetProperty("content").TryGetProperty("application/json", out var json) ? json : (JsonElement?)null;
        var bodySchema = body is { } b && b.TryGetProperty("schema", out var bs) ? _schemas.Resolve(bs) : default;
        var bodies = new JsonBodies(_schemas);
        var example = body is null ? null
            : bodies.Complete(JsonNode.Parse(body.Value.TryGetProperty("example", out var e) ? e.GetRawText() : "{}"), bodySchema);
        var exampleText = example?.ToJsonString();

        BadRequest Make(string mutation, IReadOnlyDictionary<string, string> path, IReadOnlyDictionary<string, string> q, string? text) =>
            new(name, mutation, method, Url(template, path, q), text, new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() });

        foreach (var parameter in query)
        {
            foreach (var (label, value) in BadValues.ForQuery(_schemas.ParameterSchema(parameter)))
            {
                yield return Make($"?{Name(parameter)}={label}", pathValues, new Dictionary<string, string>(baseQuery) { [Name(parameter)] = value }, exampleText);
            }
        }
        foreach (var parameter in inPath.Where(p => !SchemaReader.IsUuidOrInteger(_schemas.ParameterSchema(p))))
        {
            foreach (var (label, value) in new[] { ("600 characters", new string('x', 600)), ("a control character", "a\u0001b") })
            {
                yield return Make($"{{{Name(parameter)}}}={label}", new Dictionary<string, string>(pathValues) { [Name(parameter)] = value }, baseQuery, exampleText);
            }
        }
        if (example is null || exampleText is null)
        {
            yield break;
        }
        var required = operation.GetProperty("requestBody").TryGetProperty("required", out var r) && r.GetBoolean();
        foreach (var (label, text) in BadValues.ForWholeBody(exampleText, required))
        {
            yield return Make(label, pathValues, baseQuery, text);
        }
        foreach (var (path, node, schema) in bodies.Leaves(example, bodySchema))
        {
            foreach (var (label, raw) in BadValues.ForBody(node, schema))
            {
                yield return Make($"{path} = {label}", pathValues, baseQuery, JsonBodies.Replace(example, path, raw));
            }
        }
    }

    private static string Name(JsonElement parameter) => parameter.GetProperty("name").GetString()!;

    private static string Url(string template, IReadOnlyDictionary<string, string> path, IReadOnlyDictionary<string, string> query)
    {
        var url = path.Aggregate(template, (t, p) => t.Replace("{" + p.Key + "}", Uri.EscapeDataString(p.Value), StringComparison.Ordinal));
        return query.Count == 0 ? url : url + "?" + string.Join("&", query.Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value)}"));
    }
}
