using System.Net;
using System.Text.RegularExpressions;

namespace EmergencyOps.Gateway.Tests;

public sealed partial class SecurityHeadersTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task The_api_reference_allows_its_inline_script_by_nonce_never_by_unsafe_inline()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/api-reference/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        var scripts = policy["script-src"];
        Assert.DoesNotContain("'unsafe-inline'", scripts);
        Assert.DoesNotContain("'unsafe-eval'", scripts);
        Assert.Contains("'self'", scripts);
        var nonce = Assert.Single(scripts, s => s.StartsWith("'nonce-", StringComparison.Ordinal))["'nonce-".Length..^1];
        // Every script tag, the inline configuration among them, carries this response's nonce; nothing else may run.
        var tags = ScriptTag().Matches(html);
        Assert.Equal(3, tags.Count);
        Assert.All(tags, tag => Assert.Contains($"nonce=\"{nonce}\"", tag.Value, StringComparison.Ordinal));
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'self'"], policy["connect-src"]);
        Assert.Equal(["'none'"], policy["object-src"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));

        // A fresh nonce per response: one seen once is worth nothing later.
        using var again = await client.GetAsync("/api-reference/");
        Assert.DoesNotContain($"'nonce-{nonce}'", Assert.Single(again.Headers.GetValues("Content-Security-Policy")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_proxied_page_without_a_policy_gets_the_strict_default()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/account/page");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var policy = Directives(Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal(["'self'"], policy["script-src"]);
        Assert.Equal(["'self'"], policy["style-src"]);
        Assert.Equal(["'none'"], policy["frame-ancestors"]);
        Assert.Equal(["'self'"], policy["form-action"]);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task A_policy_the_service_set_itself_is_kept()
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync("/account/page-with-policy");

        Assert.Equal(FakeService.OwnPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/api/hazards/echo/x")]
    [InlineData("/openapi/hazards/v1.json")]
    [InlineData("/health/live")]
    [InlineData("/api/nowhere")]
    [InlineData("/api-reference/scalar.aspnetcore.js")]
    public async Task Every_response_says_nosniff_and_only_html_carries_a_policy(string path)
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
    }

    [Fact]
    public async Task The_api_reference_offers_identity_and_a_token_by_client_credentials_or_by_signing_in_with_pkce()
    {
        using var client = fixture.Gateway.CreateClient();

        _ = await client.GetStringAsync("/api-reference/");
        var html = await client.GetStringAsync("/api-reference/");

        // Every service's document once, identity's among them (the options are built afresh for each request).
        Assert.All(new[] { "hazards", "warnings", "inventory", "shelters", "webhooks", "identity" },
            name => Assert.Single(Regex.Matches(html, $"\"url\":\"openapi/{name}/v1.json\"")));
        // Absolute, on the origin the page was requested from: the identity service is behind the same gateway.
        Assert.Contains("\"clientCredentials\":{\"tokenUrl\":\"http://localhost/connect/token\"}", html, StringComparison.Ordinal);
        Assert.Contains("\"authorizationUrl\":\"http://localhost/connect/authorize\"", html, StringComparison.Ordinal);
        Assert.Contains("\"x-usePkce\":\"SHA-256\"", html, StringComparison.Ordinal);
        Assert.Contains("\"x-scalar-redirect-uri\":\"http://localhost/api-reference/\"", html, StringComparison.Ordinal);
        Assert.Contains("\"x-scalar-client-id\":\"operations-console\"", html, StringComparison.Ordinal);
        Assert.Contains("\"preferredSecurityScheme\":[\"oauth2\"]", html, StringComparison.Ordinal);
        // Nothing is fetched from other origins: no CDN fonts, no telemetry, no AI agent.
        Assert.Contains("\"withDefaultFonts\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", html, StringComparison.Ordinal);
        Assert.Contains("\"agent\":{\"disabled\":true}", html, StringComparison.Ordinal);
    }

    private static Dictionary<string, string[]> Directives(string policy) =>
        policy.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => d.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToDictionary(d => d[0], d => d[1..]);

    [GeneratedRegex("<script[^>]*>")]
    private static partial Regex ScriptTag();
}
