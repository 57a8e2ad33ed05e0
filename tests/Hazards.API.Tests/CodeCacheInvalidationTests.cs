using System.Net;
using System.Net.Http.Json;
using Hazards.API.Apis;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using static Hazards.API.Tests.CodeCacheTestData;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>
/// Every change that alters a resolution removes its cached answers once committed. Each test caches both answers, changes
/// the trade name behind the service's back (so only a fresh read shows it), makes the change, and finds both answers read again.
/// </summary>
public sealed class CodeCacheInvalidationTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private async Task<CodeResolution> AfterChangeAsync(string code, Func<Task> change)
    {
        var before = await _client.ResolveAsync(code);
        await _client.PublicAsync(code);
        Assert.True(await Redis.KeyExistsAsync(factory.EntryKey(code)));
        Assert.True(await Redis.KeyExistsAsync(factory.EntryKey(code, CodeView.Public)));
        var marker = $"改名-{Guid.NewGuid():N}"[..12];
        await factory.RenameBehindTheServiceAsync(code, marker);
        Assert.Equal(before.Product.TradeName, (await _client.ResolveAsync(code)).Product.TradeName);

        await change();

        var after = await _client.ResolveAsync(code);
        Assert.Equal(marker, after.Product.TradeName);
        Assert.Equal(marker, (await _client.PublicAsync(code)).TradeName);
        return after;
    }

    [Fact]
    public async Task A_scan_appended_to_the_trace()
    {
        var (owner, code) = await _client.CommissionedAsync();
        var consignee = await _client.RegisterAsync();

        var after = await AfterChangeAsync(code, () => _client.ScanOkAsync(code, Scan("shipping", owner.Id, 400, consignee.Id)));

        Assert.Equal((2, "shipping", consignee.Id), (after.Trace.Scans, after.Trace.LastStep, after.Trace.InTransitTo));
    }

    [Fact]
    public async Task A_refused_scan_kept_as_an_anomaly()
    {
        var (owner, code) = await _client.CommissionedAsync();

        var after = await AfterChangeAsync(code, async () =>
        {
            using var refused = await _client.ScanAsync(code, Scan("commissioning", owner.Id));
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        });

        Assert.Equal((1, 1), (after.Trace.Scans, after.Trace.Anomalies));
    }

    [Fact]
    public async Task Repackaging_that_adds_a_child_code()
    {
        var (owner, code) = await _client.CommissionedAsync();
        string? child = null;

        var after = await AfterChangeAsync(code, async () => child = (await _client.ScanOkAsync(code, Scan("repackaging", owner.Id, 100))).ChildCode);

        Assert.Equal([child!], after.ChildCodes);
        Assert.Equal(300m, after.Trace.Remaining);
    }

    [Fact]
    public async Task An_SDS_revision()
    {
        var (_, code) = await _client.CommissionedAsync();

        var after = await AfterChangeAsync(code, () => PutOkAsync($"/api/hazards/codes/{code}/sds", HazardExamples.Sds));

        Assert.Equal(2, after.Sds.Revision);
    }

    [Fact]
    public async Task A_label_revision()
    {
        var (_, code) = await _client.CommissionedAsync();

        var after = await AfterChangeAsync(code, () => PutOkAsync($"/api/hazards/codes/{code}/label", HazardExamples.Label with { NameEn = "Anhydrous ammonia" }));

        Assert.Equal((2, "Anhydrous ammonia"), (after.Label.Revision, after.Label.NameEn));
        Assert.Equal("Anhydrous ammonia", (await _client.PublicAsync(code)).Label.NameEn);
    }

    [Fact]
    public async Task A_change_of_the_chemical_in_the_catalogue()
    {
        var acetaldehyde = new PutChemicalRequest("UN1089", "乙醛", "Acetaldehyde", ["flammable-liquids:1", "serious-eye-damage-irritation:2"],
            ["GHS02", "GHS07"], "危险", ["H224", "H319"], null, ["W5.1"], null);
        await PutOkAsync("/api/hazards/chemicals/75-07-0", acetaldehyde);
        var (_, code) = await _client.CommissionedAsync(Product("75-07-0", "乙醛(试剂)"));

        var after = await AfterChangeAsync(code, () => PutOkAsync("/api/hazards/chemicals/75-07-0", acetaldehyde with { NameEn = "Ethanal" }));

        Assert.Equal("Ethanal", after.Chemical.NameEn);
        Assert.Equal("Ethanal", (await _client.PublicAsync(code)).Chemical.NameEn);
    }

    [Fact]
    public async Task A_change_of_a_GB_18218_category()
    {
        var (_, code) = await _client.CommissionedAsync();

        await AfterChangeAsync(code, () => PutOkAsync("/api/hazards/tables/gb18218/categories/W5.1",
            new PutCategoryRequest("易燃液体(类别 1)", 10, 1)));
    }

    private async Task PutOkAsync<T>(string url, T body)
    {
        using var response = await _client.PutAsJsonAsync(url, body, Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}
