using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Encodings.Web;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Hazards.API.Extensions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>Callers as the identity service will issue them: an enterprise's token names the enterprise (X-Test-Enterprise here).</summary>
public sealed class EnterpriseTokensFactory() : ServiceFactory<Program>("hazardsdb")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestTokens>(TestTokens.SchemeName, _ => { });
            services.PostConfigure<AuthenticationOptions>(o => (o.DefaultScheme, o.DefaultAuthenticateScheme, o.DefaultChallengeScheme) = (TestTokens.SchemeName, TestTokens.SchemeName, TestTokens.SchemeName));
        });
    }

    private sealed class TestTokens(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string SchemeName = "TestTokens";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            var claims = new List<Claim> { new(ClaimTypes.Name, "client") };
            claims.AddRange(HazardsPolicies.All.Select(s => new Claim(AuthenticationExtensions.ScopeClaim, s)));
            if (Request.Headers.TryGetValue("X-Test-Enterprise", out var enterprise))
            {
                claims.Add(new Claim(HazardsPolicies.EnterpriseClaim, enterprise.ToString()));
            }
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName)));
        }
    }
}

public sealed class OwnershipTests(EnterpriseTokensFactory factory) : IClassFixture<EnterpriseTokensFactory>
{
    [Fact]
    public async Task An_enterprise_writes_only_its_own_products_units_and_scans()
    {
        using var bureau = factory.CreateClient();
        var mine = await bureau.RegisterAsync();
        var theirs = await bureau.RegisterAsync();
        var theirCode = (await bureau.RegisterProductAsync(theirs.Id)).Code;
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Test-Enterprise", mine.Id.ToString());

        var own = await client.RegisterProductAsync(mine.Id);
        using var product = await client.PostAsJsonAsync($"/api/hazards/enterprises/{theirs.Id}/products", Product(), Json);
        using var label = await client.PutAsJsonAsync($"/api/hazards/codes/{theirCode}/label", Hazards.API.Apis.HazardExamples.Label, Json);
        using var unit = await client.PostAsJsonAsync($"/api/hazards/enterprises/{theirs.Id}/units", Unit(10, (Chlorine, 1m)), Json);
        using var scan = await client.ScanAsync(theirCode, Scan("commissioning", theirs.Id));

        Assert.Equal(mine.Id, own.EnterpriseId);
        foreach (var refused in new[] { product, label, unit, scan })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("Not your enterprise", (await refused.ProblemAsync()).GetProperty("title").GetString());
        }
        Assert.Empty(await bureau.TraceAsync(theirCode));
    }
}
