using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>
/// Defence in depth for reads: a row written before today's rules (∞ in a REAL column, control characters in text),
/// planted straight into SQLite, never breaks a list: every endpoint reading the table answers 200 with a body that
/// parses to the end and still holds the row.
/// </summary>
public sealed class PlantedRowTests(HazardsFactory factory) : IClassFixture<HazardsFactory>, IAsyncLifetime
{
    // Fengxian: the enterprises of this class are alone in their district's lists.
    private const string District = "310120";
    private const string Bad = "'a' || char(1) || 'b' || char(27) || char(127)";

    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>An enterprise with a coded, commissioned product, a refused scan (an anomaly) and a major hazard unit.</summary>
    private async Task<(EnterpriseResponse Enterprise, string Code, Guid UnitId)> ScenarioAsync()
    {
        var enterprise = await _client.RegisterAsync(Enterprise(district: District, lat: 30.92, lon: 121.47, name: "奉贤化工"));
        var code = (await _client.RegisterProductAsync(enterprise.Id)).Code;
        await _client.ScanOkAsync(code, Scan("commissioning", enterprise.Id, 400));
        using var refused = await _client.ScanAsync(code, Scan("dispensing", enterprise.Id, 1000));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var unit = await _client.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 125m)));
        return (enterprise, code, unit.UnitId);
    }

    [Fact]
    public async Task An_enterprise_with_infinite_coordinates_and_control_characters_is_still_listed()
    {
        var (enterprise, code, _) = await ScenarioAsync();

        await factory.ExecuteAsync(
            $"UPDATE Enterprises SET Latitude = 1e999, Longitude = -1e999, Name = {Bad}, Address = {Bad}, Contact = {Bad}, Phone = {Bad} WHERE Id = $id",
            ("$id", ServiceDatabase.Key(enterprise.Id)));

        await AssertReadableAsync(enterprise.Id.ToString(),
            $"/api/hazards/enterprises?district={District}&pageSize=200", $"/api/hazards/enterprises/{enterprise.Id}",
            $"/api/hazards/major-hazards?district={District}&pageSize=200", $"/api/hazards/enterprises/{enterprise.Id}/major-hazards",
            $"/api/hazards/codes/{code}");
    }

    [Fact]
    public async Task A_chemical_with_control_characters_is_still_in_the_catalogue_and_the_tables()
    {
        var (_, code, _) = await ScenarioAsync();

        await factory.ExecuteAsync($"UPDATE Chemicals SET NameZh = {Bad}, NameEn = {Bad}, UnNumber = {Bad} WHERE Cas = $cas", ("$cas", Ammonia));

        await AssertReadableAsync(Ammonia,
            $"/api/hazards/chemicals?search={Ammonia}", "/api/hazards/chemicals?pageSize=200", $"/api/hazards/chemicals/{Ammonia}",
            "/api/hazards/tables/gb18218", $"/api/hazards/codes/{code}");
    }

    [Fact]
    public async Task Categories_and_alpha_bands_with_control_characters_still_make_the_tables()
    {
        await factory.ExecuteAsync($"UPDATE HazardCategories SET Description = {Bad} WHERE Code = 'W5.1'");
        await factory.ExecuteAsync("UPDATE AlphaBands SET Edition = Edition || char(2) WHERE MinPeople = 100");
        try
        {
            await AssertReadableAsync("W5.1", "/api/hazards/tables/gb18218", "/api/hazards/chemicals?category=W5.1&pageSize=200");
        }
        finally
        {
            // The α bands' edition is stamped on later evaluations: the other tests of this class get the real one back.
            await factory.ExecuteAsync("UPDATE AlphaBands SET Edition = 'GB 18218-2018'");
        }
    }

    [Fact]
    public async Task A_product_and_its_revisions_with_control_characters_still_resolve()
    {
        var (enterprise, code, _) = await ScenarioAsync();

        await factory.ExecuteAsync($"UPDATE Products SET TradeName = {Bad}, Concentration = {Bad}, Packaging = {Bad} WHERE Code = $code", ("$code", code));
        await factory.ExecuteAsync($"UPDATE SdsRevisions SET RevisedBy = {Bad} WHERE ProductId = (SELECT Id FROM Products WHERE Code = $code)", ("$code", code));
        await factory.ExecuteAsync(
            $"UPDATE LabelRevisions SET NameZh = {Bad}, Supplier = {Bad}, EmergencyPhone = {Bad}, RevisedBy = {Bad} WHERE ProductId = (SELECT Id FROM Products WHERE Code = $code)",
            ("$code", code));

        await AssertReadableAsync(code, $"/api/hazards/products?enterpriseId={enterprise.Id}", $"/api/hazards/codes/{code}");
        // The histories are the revisions alone: the planted reviser is there, escaped.
        await AssertReadableAsync("a\\u0001b", $"/api/hazards/codes/{code}/sds/history", $"/api/hazards/codes/{code}/label/history");
    }

    [Fact]
    public async Task A_scan_with_infinite_coordinates_and_control_characters_stays_in_the_trace()
    {
        var (_, code, _) = await ScenarioAsync();

        await factory.ExecuteAsync(
            $"UPDATE Scans SET Latitude = 1e999, Longitude = -1e999, Address = {Bad}, Operator = {Bad}, Waybill = {Bad} WHERE Code = $code", ("$code", code));

        await AssertReadableAsync(code, $"/api/hazards/codes/{code}/trace", $"/api/hazards/codes/{code}/trace?pageSize=200", $"/api/hazards/codes/{code}");
    }

    [Fact]
    public async Task An_anomaly_with_control_characters_is_still_listed()
    {
        var (_, code, _) = await ScenarioAsync();

        await factory.ExecuteAsync($"UPDATE ScanAnomalies SET Detail = {Bad}, Operator = {Bad} WHERE Code = $code", ("$code", code));

        await AssertReadableAsync(code,
            $"/api/hazards/anomalies?district={District}&pageSize=200", $"/api/hazards/anomalies?district={District}&rule={TraceRules.ExceedsRemaining}",
            $"/api/hazards/codes/{code}/anomalies", $"/api/hazards/codes/{code}");
    }

    [Fact]
    public async Task A_unit_and_its_evaluations_with_control_characters_are_still_listed()
    {
        var (enterprise, _, unitId) = await ScenarioAsync();

        await factory.ExecuteAsync($"UPDATE Units SET Name = {Bad} WHERE Id = $id", ("$id", ServiceDatabase.Key(unitId)));
        await factory.ExecuteAsync($"UPDATE UnitEvaluations SET Reason = {Bad}, Edition = {Bad} WHERE UnitId = $id", ("$id", ServiceDatabase.Key(unitId)));

        await AssertReadableAsync(unitId.ToString(),
            $"/api/hazards/major-hazards?district={District}&pageSize=200", "/api/hazards/major-hazards?level=level1&pageSize=200",
            $"/api/hazards/enterprises/{enterprise.Id}/major-hazards", $"/api/hazards/enterprises/{enterprise.Id}/units/{unitId}/evaluations");
    }

    /// <summary>Every URL answers 200 with JSON that parses completely and mentions <paramref name="row"/>.</summary>
    private async Task AssertReadableAsync(string row, params string[] urls)
    {
        foreach (var url in urls)
        {
            using var response = await _client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
            Assert.Equal(response.Content.Headers.ContentLength, (await response.Content.ReadAsByteArrayAsync()).Length);
            using var document = JsonDocument.Parse(body);
            Assert.Contains(row, document.RootElement.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
    }
}
