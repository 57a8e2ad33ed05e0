using System.Net;

namespace EmergencyOps.Gateway.Tests;

public sealed class CorsTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string Portal = "https://portal.example.gov.cn";

    [Fact]
    public async Task By_default_no_origin_is_allowed_and_a_preflight_gets_no_allow_headers()
    {
        using var client = fixture.Gateway.CreateClient();
        var stranger = new Caller(Origin: "https://evil.example");

        using var actual = await stranger.GetAsync(client, "/api/hazards/echo/x");
        using var preflight = await client.SendAsync(Preflight(stranger, "/api/hazards/echo/x"));

        Assert.Equal(HttpStatusCode.OK, actual.StatusCode);
        Assert.Empty(AccessControlHeaders(actual));
        Assert.Empty(AccessControlHeaders(preflight));
    }

    [Fact]
    public async Task A_configured_origin_may_call_with_a_bearer_token_and_read_the_correlation_id()
    {
        using var gateway = fixture.With(("Gateway:Cors:AllowedOrigins:0", Portal));
        using var client = gateway.CreateClient();
        var portal = new Caller(Origin: Portal);

        using var preflight = await client.SendAsync(Preflight(portal, "/api/inventory/echo/changes"));
        using var actual = await portal.GetAsync(client, "/api/inventory/echo/changes");

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(Portal, Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("POST", Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Methods")), StringComparison.Ordinal);
        var allowedHeaders = Assert.Single(preflight.Headers.GetValues("Access-Control-Allow-Headers"));
        Assert.Contains("authorization", allowedHeaders, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("content-type", allowedHeaders, StringComparison.OrdinalIgnoreCase);
        // Bearer tokens, never cookies: no credentials for other origins.
        Assert.False(preflight.Headers.Contains("Access-Control-Allow-Credentials"));

        Assert.Equal(HttpStatusCode.OK, actual.StatusCode);
        Assert.Equal(Portal, Assert.Single(actual.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Contains("X-Correlation-ID", Assert.Single(actual.Headers.GetValues("Access-Control-Expose-Headers")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_origin_not_on_the_list_stays_refused_when_others_are_allowed()
    {
        using var gateway = fixture.With(("Gateway:Cors:AllowedOrigins:0", Portal));
        using var client = gateway.CreateClient();
        var lookalike = new Caller(Origin: "https://portal.example.gov.cn.evil.example");

        using var preflight = await client.SendAsync(Preflight(lookalike, "/api/inventory/echo/changes"));
        using var actual = await lookalike.GetAsync(client, "/api/inventory/echo/changes");

        Assert.Empty(AccessControlHeaders(preflight));
        Assert.Empty(AccessControlHeaders(actual));
    }

    private static HttpRequestMessage Preflight(Caller caller, string path)
    {
        var request = caller.Request(HttpMethod.Options, path);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "authorization,content-type");
        return request;
    }

    private static List<string> AccessControlHeaders(HttpResponseMessage response) =>
        [.. response.Headers.Select(h => h.Key).Where(k => k.StartsWith("Access-Control-", StringComparison.OrdinalIgnoreCase))];
}
