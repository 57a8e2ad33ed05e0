using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.ServiceDefaults.Tests;

/// <summary>
/// The security the shared OpenAPI transformers declare, on a tiny app with every kind of endpoint a service has:
/// public, without any authorization metadata, scoped, scoped by its group and itself, and one documenting its own 403.
/// </summary>
public sealed class OpenApiSecurityTests
{
    private static readonly Dictionary<string, string> Worded = new(StringComparer.Ordinal) { ["demo:read"] = "Read the demo things" };

    [Fact]
    public async Task Public_endpoints_declare_an_empty_security_list()
    {
        var document = await DocumentAsync();

        Assert.Empty(Operation(document, "/public", "get").GetProperty("security").EnumerateArray());
        Assert.Empty(Operation(document, "/plain", "get").GetProperty("security").EnumerateArray());
        Assert.Empty(Operation(document, "/group/open", "get").GetProperty("security").EnumerateArray());
        Assert.False(Operation(document, "/public", "get").GetProperty("responses").TryGetProperty("401", out _));
    }

    [Fact]
    public async Task Scoped_endpoints_require_the_oauth2_scheme_with_all_their_scopes()
    {
        var document = await DocumentAsync();

        Assert.Equal(["demo:read"], Scopes(Operation(document, "/read", "get")));
        Assert.Equal(["demo:read", "demo:write"], Scopes(Operation(document, "/group/items", "post")));
        Assert.Empty(Scopes(Operation(document, "/any-token", "get")));
    }

    [Fact]
    public async Task Scoped_endpoints_document_401_and_403_as_problem_details_and_keep_their_own()
    {
        var document = await DocumentAsync();

        var responses = Operation(document, "/read", "get").GetProperty("responses");
        foreach (var status in new[] { "401", "403" })
        {
            var schema = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
            Assert.Equal("#/components/schemas/ProblemDetails", schema.GetProperty("$ref").GetString());
        }
        Assert.True(document.GetProperty("components").GetProperty("schemas").TryGetProperty("ProblemDetails", out _));
        Assert.Contains("demo:read", responses.GetProperty("403").GetProperty("description").GetString(), StringComparison.Ordinal);

        var own = Operation(document, "/documented", "get").GetProperty("responses");
        // ASP.NET Core's own text for a declared 403, without content: the transformer did not replace it.
        Assert.Equal("Forbidden", own.GetProperty("403").GetProperty("description").GetString());
        Assert.False(own.GetProperty("403").TryGetProperty("content", out _));
        Assert.True(own.TryGetProperty("401", out _));
    }

    [Fact]
    public async Task The_scheme_lists_the_used_scopes_and_relative_identity_urls()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2");
        Assert.Equal("oauth2", scheme.GetProperty("type").GetString());
        var clientCredentials = scheme.GetProperty("flows").GetProperty("clientCredentials");
        var code = scheme.GetProperty("flows").GetProperty("authorizationCode");
        Assert.Equal("/connect/token", clientCredentials.GetProperty("tokenUrl").GetString());
        Assert.Equal("/connect/authorize", code.GetProperty("authorizationUrl").GetString());
        Assert.Equal("/connect/token", code.GetProperty("tokenUrl").GetString());
        Assert.Equal("/connect/token", code.GetProperty("refreshUrl").GetString());
        foreach (var flow in new[] { clientCredentials, code })
        {
            var scopes = flow.GetProperty("scopes").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString());
            // demo:unused is a policy no endpoint uses: the document lists only what its operations need.
            Assert.Equal(["demo:read", "demo:write"], scopes.Keys.Order(StringComparer.Ordinal));
            Assert.Equal("Read the demo things", scopes["demo:read"]);
            Assert.Equal("Demo: write", scopes["demo:write"]);
        }
    }

    [Theory]
    [InlineData("http://localhost:5080/", "http://localhost:5080/")]
    [InlineData("http://localhost:5080", "http://localhost:5080/")]
    // An authority under a path keeps it: the endpoints are appended, not put at the host's root.
    [InlineData("https://ops.example.test/identity", "https://ops.example.test/identity/")]
    public async Task A_public_authority_makes_the_identity_urls_absolute(string publicAuthority, string root)
    {
        var document = await DocumentAsync(publicAuthority);

        var flows = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("oauth2").GetProperty("flows");
        Assert.Equal($"{root}connect/token", flows.GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
        var code = flows.GetProperty("authorizationCode");
        Assert.Equal($"{root}connect/authorize", code.GetProperty("authorizationUrl").GetString());
        Assert.Equal($"{root}connect/token", code.GetProperty("tokenUrl").GetString());
        Assert.Equal($"{root}connect/token", code.GetProperty("refreshUrl").GetString());
    }

    [Fact]
    public async Task A_document_without_protected_endpoints_declares_no_scheme()
    {
        var document = await DocumentAsync(protectedEndpoints: false);

        Assert.False(document.TryGetProperty("components", out var components) && components.TryGetProperty("securitySchemes", out _));
        Assert.Empty(Operation(document, "/public", "get").GetProperty("security").EnumerateArray());
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static List<string?> Scopes(JsonElement operation)
    {
        var requirement = Assert.Single(operation.GetProperty("security").EnumerateArray());
        var scheme = Assert.Single(requirement.EnumerateObject());
        Assert.Equal("oauth2", scheme.Name);
        return [.. scheme.Value.EnumerateArray().Select(s => s.GetString())];
    }

    private static async Task<JsonElement> DocumentAsync(string? publicAuthority = null, bool protectedEndpoints = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        if (publicAuthority is not null)
        {
            builder.Configuration["Identity:PublicAuthority"] = publicAuthority;
        }
        builder.Services.AddAuthentication();
        builder.Services.AddAuthorization(o =>
        {
            foreach (var scope in new[] { "demo:read", "demo:write", "demo:unused" })
            {
                o.AddPolicy(scope, p => p.RequireAuthenticatedUser());
            }
        });
        builder.AddDefaultOpenApi(Worded);
        await using var app = builder.Build();
        app.MapOpenApi();
        app.MapGet("/public", () => "public").AllowAnonymous();
        app.MapGet("/plain", () => "no authorization metadata");
        if (protectedEndpoints)
        {
            app.MapGet("/read", () => "read").RequireAuthorization("demo:read");
            app.MapGet("/any-token", () => "any token").RequireAuthorization();
            app.MapGet("/documented", () => "own 403").RequireAuthorization("demo:read")
                .Produces(StatusCodes.Status403Forbidden);
            var group = app.MapGroup("/group").RequireAuthorization("demo:write");
            group.MapPost("/items", () => "write and read").RequireAuthorization("demo:read");
            group.MapGet("/open", () => "open").AllowAnonymous();
        }
        await app.StartAsync();
        using var client = app.GetTestClient();
        var json = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        await app.StopAsync();
        return JsonDocument.Parse(json).RootElement.Clone();
    }
}
