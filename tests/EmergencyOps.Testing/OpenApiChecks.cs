using System.Text.Json;
using Xunit;

namespace EmergencyOps.Testing;

/// <summary>One operation of a service's OpenAPI document.</summary>
public sealed record DescribedOperation(string Path, string Method, JsonElement Operation)
{
    public JsonElement Example => Operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
}

public static class OpenApiChecks
{
    /// <summary>
    /// Asserts that every operation under <paramref name="prefix"/> has a summary and every request body an
    /// example object, and that there are at least as many as expected (so a broken document cannot pass empty).
    /// </summary>
    public static async Task<IReadOnlyList<DescribedOperation>> AssertDescribedAsync(HttpClient client, string prefix, int minOperations, int minBodies)
    {
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith(prefix, StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete").Select(o => new DescribedOperation(p.Name, o.Name, o.Value)))
            .ToList();
        Assert.True(operations.Count >= minOperations, $"only {operations.Count} operations");
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{o.Method} {o.Path} has no summary"));
        var withBodies = operations.Where(o => o.Operation.TryGetProperty("requestBody", out _)).ToList();
        Assert.True(withBodies.Count >= minBodies, $"only {withBodies.Count} request bodies");
        Assert.All(withBodies, o =>
        {
            var json = o.Operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            Assert.True(json.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.Object, $"{o.Method} {o.Path} has no example");
        });
        AssertNullablesOptional(document);
        return operations;
    }

    /// <summary>
    /// Asserts that no nullable property of any schema is listed as required: a client generated from the document would
    /// otherwise demand what the service does not, and examples that leave it out would contradict their schema.
    /// </summary>
    public static void AssertNullablesOptional(JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s.EnumerateObject().ToList() : [];
        var wrong = new List<string>();
        foreach (var schema in schemas)
        {
            if (!schema.Value.TryGetProperty("required", out var required) || !schema.Value.TryGetProperty("properties", out var properties))
            {
                continue;
            }
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
            {
                if (properties.TryGetProperty(name, out var property) && IsNullable(property))
                {
                    wrong.Add($"{schema.Name}.{name}");
                }
            }
        }
        Assert.True(wrong.Count == 0, $"nullable but required: {string.Join(", ", wrong)}");
        Assert.NotEmpty(schemas);
    }

    private static bool IsNullable(JsonElement property) =>
        (property.TryGetProperty("type", out var type) && (type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Any(t => t.GetString() == "null") : type.GetString() == "null"))
        || (property.TryGetProperty("oneOf", out var oneOf) && oneOf.EnumerateArray().Any(IsNullable))
        || (property.TryGetProperty("anyOf", out var anyOf) && anyOf.EnumerateArray().Any(IsNullable));
}

/// <summary>The limits every request declares in the contract: what a client reads is what the service enforces.</summary>
public static class ContractLimits
{
    /// <summary>
    /// Lists every request body property and query parameter of the document without its limits: text without
    /// <c>maxLength</c> (or <c>enum</c>), numbers without <c>minimum</c> and <c>maximum</c>, lists without <c>maxItems</c>.
    /// Dates, UUIDs and booleans carry their own bounds.
    /// </summary>
    public static async Task<IReadOnlyList<string>> MissingAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;
        var schemas = document.TryGetProperty("components", out var c) && c.TryGetProperty("schemas", out var s) ? s : default;
        var missing = new List<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete"))
            {
                var where = $"{operation.Name.ToUpperInvariant()} {path.Name}";
                foreach (var parameter in operation.Value.TryGetProperty("parameters", out var ps) ? ps.EnumerateArray() : default)
                {
                    if (parameter.GetProperty("in").GetString() == "query" && parameter.TryGetProperty("schema", out var schema))
                    {
                        Check(schemas, schema, $"{where} ?{parameter.GetProperty("name").GetString()}", missing, depth: 0);
                    }
                }
                if (operation.Value.TryGetProperty("requestBody", out var body)
                    && body.GetProperty("content").TryGetProperty("application/json", out var json) && json.TryGetProperty("schema", out var bodySchema))
                {
                    Check(schemas, bodySchema, $"{where} body", missing, depth: 0);
                }
            }
        }
        return [.. missing.Distinct()];
    }

    private static void Check(JsonElement schemas, JsonElement schema, string where, List<string> missing, int depth)
    {
        if (depth > 10)
        {
            return;
        }
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            if (schemas.ValueKind == JsonValueKind.Object && schemas.TryGetProperty(name, out var target))
            {
                Check(schemas, target, where, missing, depth + 1);
            }
            return;
        }
        foreach (var variant in new[] { "oneOf", "anyOf", "allOf" }.Where(k => schema.TryGetProperty(k, out _)).SelectMany(k => schema.GetProperty(k).EnumerateArray()))
        {
            Check(schemas, variant, where, missing, depth + 1);
        }
        var types = !schema.TryGetProperty("type", out var type) ? []
            : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()).ToList() : [type.GetString()];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("string") && format is not ("date-time" or "date" or "uuid" or "time" or "duration")
            && !schema.TryGetProperty("maxLength", out _) && !schema.TryGetProperty("enum", out _))
        {
            missing.Add($"{where}: text without maxLength or enum");
        }
        if ((types.Contains("integer") || types.Contains("number")) && !(schema.TryGetProperty("minimum", out _) && schema.TryGetProperty("maximum", out _)))
        {
            missing.Add($"{where}: number without minimum and maximum");
        }
        if (types.Contains("array"))
        {
            if (!schema.TryGetProperty("maxItems", out _))
            {
                missing.Add($"{where}: list without maxItems");
            }
            if (schema.TryGetProperty("items", out var items))
            {
                Check(schemas, items, $"{where}[]", missing, depth + 1);
            }
        }
        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                Check(schemas, property.Value, $"{where}.{property.Name}", missing, depth + 1);
            }
        }
    }
}
