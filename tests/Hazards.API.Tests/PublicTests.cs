using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using Hazards.API.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>What anyone reads without a token: a code's public safety information (一书一签), and nothing else.</summary>
public sealed class PublicTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task Anyone_reads_a_codes_label_and_emergency_sds_sections_and_nothing_of_its_trace_or_enterprise()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        var product = await bureau.RegisterProductAsync(enterprise.Id);
        await bureau.ScanOkAsync(product.Code, Scan("commissioning", enterprise.Id, 400));
        var chemical = (await bureau.GetFromJsonAsync<ChemicalResponse>($"/api/hazards/chemicals/{Ammonia}", Json))!;
        using var anonymous = factory.CreateClient().Anonymous();

        using var response = await anonymous.GetAsync(new Uri(product.PublicUrl).PathAndQuery);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var info = JsonSerializer.Deserialize<PublicCodeInformation>(body, Json)!;
        Assert.Equal((product.Code, "液氨(工业级)"), (info.Code, info.TradeName));
        Assert.Equal(new PublicChemical(Ammonia, chemical.UnNumber, chemical.NameZh, chemical.NameEn), info.Chemical);
        Assert.Equal(("液氨", "Liquid ammonia", "危险", "021-57941119"), (info.Label.NameZh, info.Label.NameEn, info.Label.SignalWord, info.Label.EmergencyPhone));
        Assert.Equal(["GHS04", "GHS05", "GHS06", "GHS09"], info.Label.Pictograms);
        Assert.Equal(["H221", "H280", "H331", "H314", "H400"], info.Label.HazardStatements);
        Assert.Contains("P303+P361+P353", info.Label.PrecautionaryStatements);
        Assert.Equal([2, 4, 5, 6, 8], info.Sds.Sections.Select(s => s.Number));
        Assert.Equal("急救措施", info.Sds.Sections[1].Title);
        // Exactly the public fields: no trace, holder, quantity, enterprise registration or author anywhere in the answer.
        var root = JsonDocument.Parse(body).RootElement;
        Assert.Equal(["chemical", "code", "label", "sds", "tradeName"], root.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var names = PropertyNames(root).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var secret in new[] { "trace", "holderEnterpriseId", "holderName", "remaining", "quantity", "enterprise", "enterpriseId", "creditCode", "contact", "revisedBy", "concentration", "packaging" })
        {
            Assert.DoesNotContain(secret, names);
        }
        Assert.DoesNotContain(enterprise.CreditCode, body, StringComparison.Ordinal);
        Assert.DoesNotContain("化学品及企业标识", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_a_code_is_checked_but_every_other_hazard_read_is_refused()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        var code = (await bureau.RegisterProductAsync(enterprise.Id)).Code;
        using var anonymous = factory.CreateClient().Anonymous();

        using var mistyped = await anonymous.GetAsync(new Uri($"/api/hazards/codes/{code[..^1]}{(code[^1] == 'A' ? 'B' : 'A')}/public", UriKind.Relative));
        using var unknown = await anonymous.GetAsync(new Uri($"/api/hazards/codes/{Enumerable.Range(1, 3).Select(n => ProductCode.Compose("310116", "ZZZZZ9", n)).First(ProductCode.IsIssuable)}/public", UriKind.Relative));
        await mistyped.FieldProblemAsync("code");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        foreach (var url in new[] { $"/api/hazards/codes/{code}", $"/api/hazards/codes/{code}/trace", $"/api/hazards/codes/{code}/qr", "/api/hazards/products", "/api/hazards/enterprises" })
        {
            using var refused = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(refused.StatusCode == HttpStatusCode.Unauthorized, $"{url}: {refused.StatusCode}");
        }
    }

    [Fact]
    public void Only_the_public_code_and_enterprise_code_endpoints_and_the_citizen_receipt_allow_anonymous_callers()
    {
        using var client = factory.CreateClient();
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/hazards", StringComparison.Ordinal) == true).ToList();

        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText);

        Assert.Equal(["/api/hazards/codes/{code}/public", "/api/hazards/enterprise-codes/{code}/hidden-dangers", "/api/hazards/enterprise-codes/{code}/public",
            "/api/hazards/hidden-danger-receipts/{receipt}"], anonymous.Order(StringComparer.Ordinal));
        Assert.True(endpoints.Count > 25);
    }

    private static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };
}
