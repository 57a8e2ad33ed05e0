using System.Text.Json;

namespace Warnings.API.Tests;

public sealed class OpenApiTests(WarningsFactory factory) : IClassFixture<WarningsFactory>
{
    [Fact]
    public async Task Every_warnings_operation_has_a_summary_and_every_request_body_an_example()
    {
        using var client = factory.CreateClient();

        var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json")).RootElement;

        var operations = document.GetProperty("paths").EnumerateObject()
            .Where(p => p.Name.StartsWith("/api/warnings", StringComparison.Ordinal))
            .SelectMany(p => p.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete").Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();
        Assert.True(operations.Count >= 20, $"only {operations.Count} operations");
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace(o.Operation.TryGetProperty("summary", out var s) ? s.GetString() : null), $"{o.Method} {o.Path} has no summary"));
        var withBodies = operations.Where(o => o.Operation.TryGetProperty("requestBody", out _)).ToList();
        Assert.True(withBodies.Count >= 9, $"only {withBodies.Count} request bodies");
        Assert.All(withBodies, o =>
        {
            var json = o.Operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json");
            Assert.True(json.TryGetProperty("example", out var example) && example.ValueKind == JsonValueKind.Object, $"{o.Method} {o.Path} has no example");
        });
        var issue = operations.Single(o => o.Path == "/api/warnings" && o.Method == "post");
        var body = issue.Operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.Equal("typhoon", body.GetProperty("type").GetString());
        Assert.Equal("310115", body.GetProperty("area").GetProperty("districtCodes")[0].GetString());
    }
}
