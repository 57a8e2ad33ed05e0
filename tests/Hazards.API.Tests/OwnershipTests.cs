using System.Net;
using System.Net.Http.Json;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>An enterprise-bound caller (its token names the enterprise) on every kind of write for another enterprise.</summary>
public sealed class OwnershipTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task An_enterprise_writes_only_its_own_products_units_and_scans()
    {
        using var bureau = factory.CreateClient();
        var mine = await bureau.RegisterAsync();
        var theirs = await bureau.RegisterAsync();
        var theirCode = (await bureau.RegisterProductAsync(theirs.Id)).Code;
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.BindingHeader, $"{IdentityClaims.EnterpriseId}={mine.Id}");

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
