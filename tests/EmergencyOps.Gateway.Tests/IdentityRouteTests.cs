using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.Gateway.Tests;

public sealed class IdentityRouteTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Theory]
    [InlineData("GET", "/.well-known/openid-configuration")]
    [InlineData("GET", "/.well-known/jwks")]
    [InlineData("GET", "/connect/authorize?client_id=operations-console&response_type=code&code_challenge=abc")]
    [InlineData("POST", "/connect/token")]
    [InlineData("GET", "/account/echo/login?ReturnUrl=%2Fconnect%2Fauthorize%3Fclient_id%3Dx")]
    [InlineData("GET", "/api/identity/echo/clients/warehouse-07?page=2")]
    public async Task Identity_paths_reach_the_identity_service_intact_with_the_original_host_and_scheme(string method, string pathAndQuery)
    {
        using var client = fixture.Gateway.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), pathAndQuery);
        if (method == "POST")
        {
            request.Content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "client_credentials"), KeyValuePair.Create("scope", "inventory:read")]);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echo = await response.Content.ReadFromJsonAsync<Echo>();
        Assert.NotNull(echo);
        Assert.Equal("identity", echo.Service);
        Assert.Equal(method, echo.Method);
        Assert.Equal(pathAndQuery, echo.PathAndQuery);
        // The issuer, its discovery document and its login redirects are built from what the browser used.
        Assert.Equal("localhost", echo.ForwardedHost);
        Assert.Equal("http", echo.ForwardedProto);
        if (method == "POST")
        {
            Assert.Equal("grant_type=client_credentials&scope=inventory%3Aread", echo.Body);
        }
    }

    [Fact]
    public async Task The_identity_document_is_served_by_the_gateway()
    {
        using var client = fixture.Gateway.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/identity/v1.json"));

        Assert.Equal("identity", document.RootElement.GetProperty("info").GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/connectx/token")]
    [InlineData("/accounts/login")]
    [InlineData("/api/identityx/clients")]
    public async Task Only_whole_prefix_segments_are_routed(string path)
    {
        using var client = fixture.Gateway.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
