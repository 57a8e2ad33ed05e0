using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.RiskTestData;

namespace Hazards.API.Tests;

/// <summary>Risk points graded by LEC (D = L × E × C) at the colour boundaries, with off-table values refused.</summary>
public sealed class RiskPointTests(HazardsFactory factory) : IClassFixture<HazardsFactory>, IAsyncLifetime
{
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

    [Theory]
    // D = 160 and D = 320 are no product of the tables; the reachable values beside them are 150 | 180 and 300 | 360.
    [InlineData(0.1, 0.5, 1, 0.05, "blue", "蓝", "低风险")]       // the smallest
    [InlineData(0.1, 6, 100, 60, "blue", "蓝", "低风险")]         // 0.1 · 6 · 100 is 60.00000000000001 in binary floating point
    [InlineData(1, 10, 7, 70, "blue", "蓝", "低风险")]            // D = 70 exactly: still blue
    [InlineData(0.5, 10, 15, 75, "yellow", "黄", "一般风险")]     // the first value above 70
    [InlineData(0.5, 3, 100, 150, "yellow", "黄", "一般风险")]    // the last value up to 160
    [InlineData(6, 2, 15, 180, "orange", "橙", "较大风险")]       // the first value above 160
    [InlineData(0.5, 6, 100, 300, "orange", "橙", "较大风险")]    // the last value up to 320
    [InlineData(3, 3, 40, 360, "red", "红", "重大风险")]          // the first value above 320
    [InlineData(10, 10, 100, 10000, "red", "红", "重大风险")]     // the biggest
    public async Task Lec_grades_each_colour_up_to_its_boundary(double l, double e, double c, double d, string colour, string colourName, string levelName)
    {
        var enterprise = await _client.RegisterAsync();

        var point = await _client.AddRiskPointAsync(enterprise.Id, RiskPoint((decimal)l, (decimal)e, (decimal)c));

        using var read = await _client.GetAsync($"{RiskPoints(enterprise.Id)}/{point.Id}");
        var body = System.Text.Json.JsonDocument.Parse(await read.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((decimal)d, point.D);
        Assert.Equal(d.ToString(System.Globalization.CultureInfo.InvariantCulture), body.GetProperty("d").GetRawText());
        Assert.Equal((colour, colourName, levelName), (body.GetProperty("colour").GetString(), body.GetProperty("colourName").GetString(), body.GetProperty("levelName").GetString()));
    }

    [Theory]
    [InlineData("70", RiskColour.Blue)]
    [InlineData("70.01", RiskColour.Yellow)]
    [InlineData("160", RiskColour.Yellow)]
    [InlineData("160.01", RiskColour.Orange)]
    [InlineData("320", RiskColour.Orange)]
    [InlineData("320.01", RiskColour.Red)]
    [InlineData("10000", RiskColour.Red)]
    public void The_colour_boundaries_are_exact(string d, RiskColour colour) =>
        Assert.Equal(colour, Lec.Colour(decimal.Parse(d, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("l", 2)]       // between table values
    [InlineData("l", 0.3)]
    [InlineData("l", 0.05)]    // below the table
    [InlineData("l", 11)]      // above it
    [InlineData("e", 4)]
    [InlineData("e", 0.25)]
    [InlineData("c", 50)]
    [InlineData("c", 0)]
    [InlineData("c", 1000)]
    public async Task An_off_table_value_is_refused_naming_its_field_and_nothing_is_stored(string field, double value)
    {
        var enterprise = await _client.RegisterAsync();
        var request = RiskPoint(3, 6, 15);
        request = field switch
        {
            "l" => request with { L = (decimal)value },
            "e" => request with { E = (decimal)value },
            _ => request with { C = (decimal)value },
        };

        using var response = await _client.PostAsJsonAsync(RiskPoints(enterprise.Id), request, Json);

        await response.FieldProblemAsync(field);
        Assert.Empty(await _client.RiskPointsAsync(enterprise.Id));
    }

    [Theory]
    [InlineData("kind", "{\"name\":\"x\",\"kind\":\"area\",\"hazards\":[\"a\"],\"measures\":[\"b\"],\"responsibleLevel\":\"team\",\"l\":1,\"e\":1,\"c\":1}")]
    [InlineData("responsibleLevel", "{\"name\":\"x\",\"kind\":\"unit\",\"hazards\":[\"a\"],\"measures\":[\"b\"],\"responsibleLevel\":\"district\",\"l\":1,\"e\":1,\"c\":1}")]
    [InlineData("measures", "{\"name\":\"x\",\"kind\":\"unit\",\"hazards\":[\"a\"],\"measures\":[],\"responsibleLevel\":\"team\",\"l\":1,\"e\":1,\"c\":1}")]
    [InlineData("c", "{\"name\":\"x\",\"kind\":\"unit\",\"hazards\":[\"a\"],\"measures\":[\"b\"],\"responsibleLevel\":\"team\",\"l\":1,\"e\":1}")]
    public async Task Other_bad_fields_are_named(string field, string json)
    {
        var enterprise = await _client.RegisterAsync();

        using var response = await _client.PostAsync(RiskPoints(enterprise.Id), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        await response.FieldProblemAsync(field);
    }

    [Fact]
    public async Task A_change_regrades_the_point_a_duplicate_name_is_a_conflict_and_a_removed_point_is_gone()
    {
        var enterprise = await _client.RegisterAsync();
        var point = await _client.AddRiskPointAsync(enterprise.Id, RiskPoint(3, 6, 15, "液氯储罐区"));
        var other = await _client.AddRiskPointAsync(enterprise.Id, RiskPoint(1, 1, 1, "装卸作业"));

        using var changed = await _client.PutAsJsonAsync($"{RiskPoints(enterprise.Id)}/{point.Id}", RiskPoint(3, 3, 40, "液氯储罐区"), Json);
        using var duplicate = await _client.PostAsJsonAsync(RiskPoints(enterprise.Id), RiskPoint(1, 1, 1, "液氯储罐区"), Json);
        using var renamed = await _client.PutAsJsonAsync($"{RiskPoints(enterprise.Id)}/{other.Id}", RiskPoint(1, 1, 1, "液氯储罐区"), Json);
        using var removed = await _client.DeleteAsync($"{RiskPoints(enterprise.Id)}/{other.Id}");
        using var gone = await _client.GetAsync($"{RiskPoints(enterprise.Id)}/{other.Id}");

        var regraded = (await changed.Content.ReadFromJsonAsync<RiskPointResponse>(Json))!;
        Assert.Equal((360m, RiskColour.Red, "重大风险", 2), (regraded.D, regraded.Colour, regraded.LevelName, regraded.Version));
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, renamed.StatusCode);
        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NotFound), (removed.StatusCode, gone.StatusCode));
        var left = Assert.Single(await _client.RiskPointsAsync(enterprise.Id));
        Assert.Equal((point.Id, 360m), (left.Id, left.D));
        Assert.EndsWith("+08:00", (await _client.GetStringAsync($"{RiskPoints(enterprise.Id)}/{point.Id}")).Split("\"updatedAt\":\"")[1].Split('"')[0], StringComparison.Ordinal);
        var red = await _client.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<RiskPointResponse>>($"{RiskPoints(enterprise.Id)}?colour=red", Json);
        Assert.Equal([point.Id], red!.Data.Select(p => p.Id));
    }
}
