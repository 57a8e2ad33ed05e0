using System.Net;
using System.Net.Http.Json;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

public sealed class CatalogueTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    private static PutChemicalRequest Acetaldehyde() => new(
        "UN1089", "乙醛", "Acetaldehyde", ["flammable-liquids:1", "serious-eye-damage-irritation:2", "carcinogenicity:2", "stot-single:3"],
        ["GHS02", "GHS07", "GHS08"], "危险", ["H224", "H319", "H335", "H351"], null, ["W5.1", "J5"], null);

    [Fact]
    public async Task The_catalogue_starts_with_every_GB_18218_Table_1_substance()
    {
        using var client = factory.CreateClient();

        var page = await client.GetFromJsonAsync<PaginatedItems<ChemicalResponse>>("/api/hazards/chemicals?pageSize=200", Json);
        var chlorine = await client.GetFromJsonAsync<ChemicalResponse>($"/api/hazards/chemicals/{Chlorine}", Json);

        Assert.True(page!.Count >= 46);
        Assert.All(page.Data.Where(c => c.CriticalQuantity is not null), c => Assert.Equal("GB 18218-2018", c.Edition));
        Assert.Equal(5m, chlorine!.EffectiveCriticalQuantity);
        Assert.Equal("named (Table 1)", chlorine.CriticalQuantitySource);
        Assert.Equal(4m, chlorine.Beta);
        Assert.Equal("named toxic gas (Table 3)", chlorine.BetaSource);
        Assert.Equal("UN1017", chlorine.UnNumber);
    }

    [Fact]
    public async Task The_tables_are_readable_with_their_edition()
    {
        using var client = factory.CreateClient();

        var tables = await client.GetFromJsonAsync<StandardTablesResponse>("/api/hazards/tables/gb18218", Json);

        Assert.Equal("GB 18218-2018", tables!.Edition);
        Assert.Contains(tables.NamedSubstances, s => s.Cas == "75-44-5" && s.CriticalQuantity == 0.3m);
        Assert.Contains(tables.Categories, c => c.Code == "J1" && c.CriticalQuantity == 5m && c.Beta == 4m);
        Assert.Contains(tables.Categories, c => c.Code == "W5.4" && c.CriticalQuantity == 5000m);
        Assert.Contains(tables.ToxicGases, g => g.Cas == "7803-51-2" && g.Beta == 20m);
        Assert.Equal([(100, 2.0m), (50, 1.5m), (30, 1.2m), (1, 1.0m), (0, 0.5m)], tables.AlphaBands.Select(b => (b.MinPeople, b.Alpha)));
    }

    [Fact]
    public async Task A_substance_not_named_takes_the_smallest_Q_of_its_categories()
    {
        using var client = factory.CreateClient();

        // 75-07-0 (acetaldehyde, not in Table 1): 7·1+0·2+5·3+7·4 = 50 → 0. W5.1 (Q 10) beats J5 (Q 500).
        using var response = await client.PutAsJsonAsync("/api/hazards/chemicals/75-07-0", Acetaldehyde(), Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var chemical = (await response.Content.ReadFromJsonAsync<ChemicalResponse>(Json))!;
        Assert.Equal(10m, chemical.EffectiveCriticalQuantity);
        Assert.Equal("category W5.1 (Table 2)", chemical.CriticalQuantitySource);
        Assert.Equal(1.5m, chemical.Beta); // the largest Table 4 β of W5.1 (1.5) and J5 (1)
    }

    public static TheoryData<string, string, PutChemicalRequest> Invalid => new()
    {
        { "75-07-1", "cas", Acetaldehyde() },                 // wrong check digit
        { "75-7-0", "cas", Acetaldehyde() },                  // bad format
        { "75-07-0", "unNumber", Acetaldehyde() with { UnNumber = "UN108" } },
        { "75-07-0", "pictograms", Acetaldehyde() with { Pictograms = ["GHS06", "GHS07"], HazardStatements = ["H301", "H335"] } },
        { "75-07-0", "pictograms", Acetaldehyde() with { Pictograms = ["GHS05", "GHS07"], HazardStatements = ["H314", "H315", "H319"] } },
        { "75-07-0", "pictograms", Acetaldehyde() with { Pictograms = ["GHS10"] } },
        { "75-07-0", "signalWord", Acetaldehyde() with { SignalWord = "危险 警告" } },
        { "75-07-0", "hazardStatements", Acetaldehyde() with { HazardStatements = ["H224", "H500"] } },
        { "75-07-0", "hazardClasses", Acetaldehyde() with { HazardClasses = ["volcanic:1"] } },
        { "75-07-0", "categories", Acetaldehyde() with { Categories = ["W99"] } },
        { "75-07-0", "criticalQuantity", Acetaldehyde() with { Categories = [] } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task Invalid_chemicals_are_400s_naming_the_field_and_store_nothing(string cas, string field, PutChemicalRequest request)
    {
        using var client = factory.CreateClient();

        using var response = await client.PutAsJsonAsync($"/api/hazards/chemicals/{cas}", request, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        using var read = await client.GetAsync("/api/hazards/chemicals/75-07-1");
        Assert.Equal(HttpStatusCode.BadRequest, read.StatusCode);
    }

    [Fact]
    public async Task The_exclamation_mark_stays_with_corrosion_when_it_warns_of_something_else()
    {
        using var client = factory.CreateClient();
        // Monomethylamine style: GHS05 for H318, GHS07 for H332 (acute toxicity 4): allowed.
        var request = Acetaldehyde() with { Pictograms = ["GHS02", "GHS05", "GHS07"], HazardStatements = ["H220", "H318", "H332"] };

        using var response = await client.PutAsJsonAsync("/api/hazards/chemicals/64-19-7", request, Json);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Products_are_listed_by_chemical_and_by_hazard_class()
    {
        using var client = factory.CreateClient();
        var enterprise = await client.RegisterAsync();
        var chlorine = await client.RegisterProductAsync(enterprise.Id, Product(Chlorine, "液氯"));
        var methanol = await client.RegisterProductAsync(enterprise.Id, Product(Methanol, "甲醇"));

        var oxidizing = await client.GetFromJsonAsync<PaginatedItems<ProductResponse>>($"/api/hazards/products?hazardClass=oxidizing-gases&enterpriseId={enterprise.Id}", Json);
        var byCas = await client.GetFromJsonAsync<PaginatedItems<ProductResponse>>($"/api/hazards/products?cas={Methanol}&enterpriseId={enterprise.Id}", Json);
        using var badClass = await client.GetAsync("/api/hazards/products?hazardClass=volcanic");

        Assert.Equal([chlorine.Code], oxidizing!.Data.Select(p => p.Code));
        Assert.Equal([methanol.Code], byCas!.Data.Select(p => p.Code));
        Assert.True((await badClass.ProblemAsync()).GetProperty("errors").TryGetProperty("hazardClass", out _));
    }
}
