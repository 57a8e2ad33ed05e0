using System.Net;
using System.Net.Http.Json;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>
/// An enterprise's token binds it to itself, by credit code or by registry id: it writes, scans and reads only what is its
/// own, while a regulator's unbound token reads across enterprises.
/// </summary>
public sealed class BindingTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_enterprise_registers_products_and_units_only_for_itself(bool byCreditCode)
    {
        using var bureau = factory.CreateClient();
        var a = await bureau.RegisterAsync();
        var b = await bureau.RegisterAsync();
        using var client = factory.CreateClient().ForEnterprise(a, byCreditCode);

        var own = await client.RegisterProductAsync(a.Id);
        var ownUnit = await client.DeclareAsync(a.Id, Unit(10, (Chlorine, 1m)));
        using var product = await client.PostAsJsonAsync($"/api/hazards/enterprises/{b.Id}/products", Product(), Json);
        using var unit = await client.PostAsJsonAsync($"/api/hazards/enterprises/{b.Id}/units", Unit(10, (Chlorine, 1m)), Json);

        Assert.Equal(a.Id, own.EnterpriseId);
        Assert.Equal($"http://localhost:5080/api/hazards/codes/{own.Code}/public", own.PublicUrl);
        Assert.False(ownUnit.IsMajorHazard);
        Assert.Equal(b.Id, (await AssertNotYoursAsync(product)).GetProperty("enterpriseId").GetGuid());
        Assert.Equal(b.Id, (await AssertNotYoursAsync(unit)).GetProperty("enterpriseId").GetGuid());
        var theirs = await bureau.GetFromJsonAsync<PaginatedItems<ProductResponse>>($"/api/hazards/enterprises/{b.Id}/products", Json);
        Assert.Equal(0, theirs!.Count);
        var mine = await client.GetFromJsonAsync<PaginatedItems<ProductResponse>>($"/api/hazards/enterprises/{a.Id}/products", Json);
        Assert.Equal([own.Code], mine!.Data.Select(p => p.Code));
        var theirUnits = await bureau.GetFromJsonAsync<EnterpriseMajorHazards>($"/api/hazards/enterprises/{b.Id}/major-hazards", Json);
        Assert.Empty(theirUnits!.Units);
    }

    [Fact]
    public async Task A_token_naming_an_unregistered_enterprise_acts_for_none()
    {
        using var bureau = factory.CreateClient();
        var a = await bureau.RegisterAsync();
        using var stranger = factory.CreateClient().ForEnterprise(a with { CreditCode = NewCreditCode() });

        using var product = await stranger.PostAsJsonAsync($"/api/hazards/enterprises/{a.Id}/products", Product(), Json);
        var enterprises = await stranger.GetFromJsonAsync<PaginatedItems<EnterpriseResponse>>("/api/hazards/enterprises?pageSize=100", Json);

        await AssertNotYoursAsync(product);
        Assert.Equal(0, enterprises!.Count);
    }

    [Fact]
    public async Task An_enterprise_scans_only_codes_it_holds_or_is_the_consignee_of()
    {
        using var bureau = factory.CreateClient();
        var a = await bureau.RegisterAsync();
        var b = await bureau.RegisterAsync();
        using var clientA = factory.CreateClient().ForEnterprise(a);
        using var clientB = factory.CreateClient().ForEnterprise(b, byCreditCode: false);
        var codeA = (await clientA.RegisterProductAsync(a.Id)).Code;
        var codeB = (await clientB.RegisterProductAsync(b.Id)).Code;

        // Its own code, not yet commissioned: the owner commissions it.
        await clientA.ScanOkAsync(codeA, Scan("commissioning", a.Id, 400));
        // B's code, neither held by A nor on its way to A: refused before the trace rules, so no scan and no anomaly.
        using (var foreign = await clientA.ScanAsync(codeB, Scan("commissioning", a.Id, 400)))
        {
            Assert.Equal(codeB, (await AssertNotYoursAsync(foreign)).GetProperty("code").GetString());
        }
        await clientB.ScanOkAsync(codeB, Scan("commissioning", b.Id, 400));
        using (var early = await clientA.ScanAsync(codeB, Scan("receiving", a.Id, 400)))
        {
            await AssertNotYoursAsync(early);
        }
        Assert.Single(await bureau.TraceAsync(codeB));
        Assert.Empty((await bureau.GetFromJsonAsync<List<AnomalyResponse>>($"/api/hazards/codes/{codeB}/anomalies", Json))!);

        // Shipped to A, the consignee receives it and, now holding it, stores it.
        await clientB.ScanOkAsync(codeB, Scan("shipping", b.Id, 400, consignee: a.Id));
        var received = await clientA.ScanOkAsync(codeB, Scan("receiving", a.Id, 400));
        var stored = await clientA.ScanOkAsync(codeB, Scan("storing", a.Id, 400));

        Assert.Equal((3, 4), (received.Sequence, stored.Sequence));
        Assert.Equal([ScanStep.Commissioning, ScanStep.Shipping, ScanStep.Receiving, ScanStep.Storing], (await bureau.TraceAsync(codeB)).Select(s => s.Step));
        // B shipped it away and received nothing back: the code is no longer B's to scan.
        using var formerHolder = await clientB.ScanAsync(codeB, Scan("storing", b.Id, 400));
        await AssertNotYoursAsync(formerHolder);
    }

    [Fact]
    public async Task An_enterprise_reads_its_own_records_and_a_regulator_reads_everyone()
    {
        using var bureau = factory.CreateClient();
        var a = await bureau.RegisterAsync();
        var b = await bureau.RegisterAsync();
        using var clientA = factory.CreateClient().ForEnterprise(a);
        using var clientB = factory.CreateClient().ForEnterprise(b);
        using var regulator = factory.CreateClient().AsRegulator();
        var codeA = (await clientA.RegisterProductAsync(a.Id)).Code;
        var codeB = (await clientB.RegisterProductAsync(b.Id)).Code;
        var unitA = await clientA.DeclareAsync(a.Id, Unit(10, (Chlorine, 10m)));
        var unitB = await clientB.DeclareAsync(b.Id, Unit(10, (Chlorine, 10m)));
        // One refused scan each: commissioning twice is an anomaly of the holder's own code.
        foreach (var (client, code, id) in new[] { (clientA, codeA, a.Id), (clientB, codeB, b.Id) })
        {
            await client.ScanOkAsync(code, Scan("commissioning", id, 400));
            using var twice = await client.ScanAsync(code, Scan("commissioning", id, 400));
            Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        }

        var enterprises = await ListAsync<EnterpriseResponse>(clientA, "/api/hazards/enterprises");
        var products = await ListAsync<ProductResponse>(clientA, "/api/hazards/products");
        var sources = await ListAsync<MajorHazardSourceResponse>(clientA, "/api/hazards/major-hazards");
        var anomalies = await ListAsync<AnomalyResponse>(clientA, "/api/hazards/anomalies");
        Assert.Equal([a.Id], enterprises.Select(e => e.Id));
        Assert.Equal([codeA], products.Select(p => p.Code));
        Assert.Equal([unitA.UnitId], sources.Select(s => s.UnitId));
        Assert.Equal([codeA], anomalies.Select(x => x.Code));
        Assert.Equal(codeA, (await clientA.GetFromJsonAsync<CodeResolution>($"/api/hazards/codes/{codeA}", Json))!.Code);
        foreach (var url in new[]
        {
            $"/api/hazards/enterprises/{b.Id}", $"/api/hazards/enterprises/{b.Id}/products", $"/api/hazards/enterprises/{b.Id}/major-hazards", $"/api/hazards/enterprises/{b.Id}/units/{unitB.UnitId}/evaluations",
            $"/api/hazards/codes/{codeB}", $"/api/hazards/codes/{codeB}/trace", $"/api/hazards/codes/{codeB}/anomalies", $"/api/hazards/codes/{codeB}/qr",
            $"/api/hazards/codes/{codeB}/sds/history", $"/api/hazards/codes/{codeB}/label/history",
        })
        {
            using var refused = await clientA.GetAsync(new Uri(url, UriKind.Relative));
            await AssertNotYoursAsync(refused);
        }

        var all = await ListAsync<EnterpriseResponse>(regulator, "/api/hazards/enterprises");
        Assert.Superset(new HashSet<Guid> { a.Id, b.Id }, all.Select(e => e.Id).ToHashSet());
        Assert.Superset(new HashSet<string> { codeA, codeB }, (await ListAsync<AnomalyResponse>(regulator, "/api/hazards/anomalies")).Select(x => x.Code).ToHashSet());
        Assert.Superset(new HashSet<Guid> { unitA.UnitId, unitB.UnitId }, (await ListAsync<MajorHazardSourceResponse>(regulator, "/api/hazards/major-hazards")).Select(s => s.UnitId).ToHashSet());
        Assert.Equal(b.Id, (await regulator.GetFromJsonAsync<CodeResolution>($"/api/hazards/codes/{codeB}", Json))!.Enterprise.Id);
        using var regulatorWrites = await regulator.PostAsJsonAsync($"/api/hazards/enterprises/{b.Id}/products", Product(), Json);
        Assert.Equal(HttpStatusCode.Forbidden, regulatorWrites.StatusCode);
    }

    private static async Task<List<T>> ListAsync<T>(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<PaginatedItems<T>>($"{url}?pageSize=200", Json))!.Data];

    private static async Task<System.Text.Json.JsonElement> AssertNotYoursAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal("Not your enterprise", problem.GetProperty("title").GetString());
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
