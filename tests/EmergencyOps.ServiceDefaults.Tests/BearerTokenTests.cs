using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyOps.ServiceDefaults.Tests;

/// <summary>
/// The shared bearer setup on a tiny app: a valid token authenticates its caller, and the token is not saved with the
/// request's authentication (a live feed's request lives for hours, for each of thousands of subscribers).
/// </summary>
public sealed class BearerTokenTests : IDisposable
{
    private readonly RSA _signing = RSA.Create(2048);

    public void Dispose() => _signing.Dispose();

    [Fact]
    public async Task An_authenticated_request_names_its_caller_and_does_not_save_its_token()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/caller");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", TestTokens.Create(_signing, "demo", "demo:read", TimeSpan.FromHours(1)));

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("duty1 saved:none", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_request_without_a_token_is_refused()
    {
        await using var app = await StartAsync();
        using var client = app.GetTestClient();

        using var response = await client.GetAsync(new Uri("/caller", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<WebApplication> StartAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Configuration["Identity:Authority"] = TestTokens.Issuer;
        builder.AddDefaultAuthentication(["demo:read"], audiences: ["demo"]);
        // The keys the identity service's discovery document would name, without fetching it.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => o.ConfigurationManager =
            new StaticConfigurationManager<OpenIdConnectConfiguration>(new OpenIdConnectConfiguration { Issuer = TestTokens.Issuer, SigningKeys = { new RsaSecurityKey(_signing) } }));
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/caller", async (HttpContext http) => $"{http.User.FindFirst("sub")?.Value} saved:{await http.GetTokenAsync("access_token") ?? "none"}")
            .RequireAuthorization("demo:read");
        await app.StartAsync();
        return app;
    }
}
