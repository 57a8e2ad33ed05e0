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
        return operations;
    }
}
