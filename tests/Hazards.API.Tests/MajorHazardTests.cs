using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>GB 18218-2018 arithmetic on cases worked by hand (chlorine: Q 5 t, β 4; ammonia: Q 10 t, β 2; methanol: Q 500 t, β 1; LPG: Q 50 t, β 1.5).</summary>
public sealed class MajorHazardTests(HazardsFactory factory) : IClassFixture<HazardsFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
        _bus = await new MessageRecorder(factory.EntityPrefix)
            .Record<MajorHazardSourceClassified>().Record<MajorHazardLevelChanged>().Record<MajorHazardSourceDeclassified>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task A_single_substance_chlorine_10_t_gives_S_2()
    {
        var enterprise = await _client.RegisterAsync();

        // S = 10/5 = 2 ≥ 1: a major hazard source. Σβq/Q = 4·2 = 8; 10 people → α = 1.0; R = 8 < 10 → 四级.
        var unit = await _client.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 10m)));

        var term = Assert.Single(unit.Terms);
        Assert.Equal((10m, 5m, "named (Table 1)", 4m, 2m, 8m), (term.Q, term.CriticalQuantity, term.CriticalQuantitySource, term.Beta, term.QOverCritical, term.BetaQOverCritical));
        Assert.Equal((2m, true, 1.0m, 8m, MajorHazardLevel.Level4, "四级"), (unit.S, unit.IsMajorHazard, unit.Alpha, unit.R, unit.Level, unit.LevelName));
        Assert.Equal("GB 18218-2018", unit.Edition);
    }

    [Fact]
    public async Task Several_substances_adding_up_to_exactly_1_count()
    {
        var enterprise = await _client.RegisterAsync();

        // chlorine 2/5 = 0.4, ammonia 4/10 = 0.4, methanol 100/500 = 0.2: S = 1.0 exactly → major.
        // Σβq/Q = 4·0.4 + 2·0.4 + 1·0.2 = 1.6 + 0.8 + 0.2 = 2.6; α (10 people) = 1.0; R = 2.6 → 四级.
        var unit = await _client.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 2m), (Ammonia, 4m), (Methanol, 100m)));

        Assert.Equal(3, unit.Terms.Count);
        Assert.Equal(1m, unit.S);
        Assert.True(unit.IsMajorHazard);
        Assert.Equal(2.6m, unit.R);
        Assert.Equal(MajorHazardLevel.Level4, unit.Level);
    }

    [Fact]
    public async Task Below_1_is_not_a_major_hazard_source()
    {
        var enterprise = await _client.RegisterAsync();

        // ammonia 5/10 = 0.5 + LPG 20/50 = 0.4 → S = 0.9 < 1. R is still reported: 1.0·(2·0.5 + 1.5·0.4) = 1.6.
        var unit = await _client.DeclareAsync(enterprise.Id, Unit(10, (Ammonia, 5m), (Lpg, 20m)));

        Assert.Equal((0.9m, false, 1.6m), (unit.S, unit.IsMajorHazard, unit.R));
        Assert.Null(unit.Level);
    }

    [Theory]
    // chlorine 10 t: Σβq/Q = 8, so R = 8α.
    [InlineData(0, 0.5, 4)]
    [InlineData(1, 1.0, 8)]
    [InlineData(29, 1.0, 8)]
    [InlineData(30, 1.2, 9.6)]
    [InlineData(49, 1.2, 9.6)]
    [InlineData(50, 1.5, 12)]
    [InlineData(99, 1.5, 12)]
    [InlineData(100, 2.0, 16)]
    [InlineData(5000, 2.0, 16)]
    public async Task Alpha_follows_the_people_within_500_m(int people, double alpha, double r)
    {
        var enterprise = await _client.RegisterAsync();

        var unit = await _client.DeclareAsync(enterprise.Id, Unit(people, (Chlorine, 10m)));

        Assert.Equal((decimal)alpha, unit.Alpha);
        Assert.Equal((decimal)r, unit.R);
    }

    [Theory]
    // chlorine q t with 10 people (α 1.0): R = 4·q/5 = 0.8q.
    [InlineData(12.4, 9.92, "level4", "四级")]
    [InlineData(12.5, 10, "level3", "三级")]   // R exactly 10 → 三级
    [InlineData(62.4, 49.92, "level3", "三级")]
    [InlineData(62.5, 50, "level2", "二级")]   // R exactly 50 → 二级
    [InlineData(124.9, 99.92, "level2", "二级")]
    [InlineData(125, 100, "level1", "一级")]   // R exactly 100 → 一级
    public async Task Levels_change_exactly_at_their_boundaries(double tonnes, double r, string level, string name)
    {
        var enterprise = await _client.RegisterAsync();

        using var response = await _client.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise.Id}/units", Unit(10, (Chlorine, (decimal)tonnes)), Json);
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal((decimal)r, body.GetProperty("r").GetDecimal());
        Assert.Equal(level, body.GetProperty("level").GetString());
        Assert.Equal(name, body.GetProperty("levelName").GetString());
    }

    [Fact]
    public async Task Status_changes_publish_classified_level_changed_and_declassified_and_nothing_when_unchanged()
    {
        var enterprise = await _client.RegisterAsync();
        var declared = Unit(10, (Chlorine, 10m));

        var unit = await _client.DeclareAsync(enterprise.Id, declared);                                   // S 2, R 8: 四级
        var classified = await _bus.WaitForAsync<MajorHazardSourceClassified>(e => e.UnitId == unit.UnitId);
        await _client.ChangeAsync(enterprise.Id, unit.UnitId, declared with { PeopleOutside = 60 });     // α 1.5: R 12 → 三级
        var changed = await _bus.WaitForAsync<MajorHazardLevelChanged>(e => e.UnitId == unit.UnitId);
        await _client.ChangeAsync(enterprise.Id, unit.UnitId, declared with { PeopleOutside = 70 });     // still R 12: no event
        await _client.ChangeAsync(enterprise.Id, unit.UnitId, declared with { Substances = [new(Chlorine, 2m)] }); // S 0.4
        var declassified = await _bus.WaitForAsync<MajorHazardSourceDeclassified>(e => e.UnitId == unit.UnitId);

        Assert.Equal((2m, 8m, MajorHazardLevel.Level4, enterprise.Name), (classified.Message.S, classified.Message.R, classified.Message.Level, classified.Message.EnterpriseName));
        Assert.Equal([Chlorine], classified.Message.Cas);
        Assert.Equal((MajorHazardLevel.Level3, MajorHazardLevel.Level4, 12m), (changed.Message.Level, changed.Message.PreviousLevel, changed.Message.R));
        Assert.Equal((0.4m, MajorHazardLevel.Level3), (declassified.Message.S, declassified.Message.PreviousLevel));
        Assert.Single(_bus.Received<MajorHazardSourceClassified>(), e => e.Message.UnitId == unit.UnitId);
        Assert.Single(_bus.Received<MajorHazardLevelChanged>(), e => e.Message.UnitId == unit.UnitId);
        var history = await _client.GetFromJsonAsync<List<UnitEvaluationResponse>>($"/api/hazards/enterprises/{enterprise.Id}/units/{unit.UnitId}/evaluations", Json);
        Assert.Equal([0.4m, 2m, 2m, 2m], history!.Select(e => e.S));
        Assert.Equal(["unit changed", "unit changed", "unit changed", "unit declared"], history!.Select(e => e.Reason));
    }

    [Fact]
    public async Task Changing_a_critical_quantity_regrades_the_units_that_hold_the_chemical()
    {
        var enterprise = await _client.RegisterAsync();
        // Acetaldehyde (75-07-0), an administrator's entry with a named Q of 100 t: 60 t gives S = 0.6.
        var chemical = new PutChemicalRequest("UN1089", "乙醛", "Acetaldehyde", ["flammable-liquids:1"], ["GHS02", "GHS07", "GHS08"], "危险",
            ["H224", "H319", "H335", "H351"], 100m, ["W5.1"], null);
        (await _client.PutAsJsonAsync("/api/hazards/chemicals/75-07-0", chemical, Json)).EnsureSuccessStatusCode();
        var unit = await _client.DeclareAsync(enterprise.Id, Unit(10, ("75-07-0", 60m)));
        Assert.False(unit.IsMajorHazard);

        // Q 50 t: S = 60/50 = 1.2 → a source; R = 1.0 · 1.5 (W5.1) · 1.2 = 1.8 → 四级.
        (await _client.PutAsJsonAsync("/api/hazards/chemicals/75-07-0", chemical with { CriticalQuantity = 50m }, Json)).EnsureSuccessStatusCode();

        var classified = await _bus.WaitForAsync<MajorHazardSourceClassified>(e => e.UnitId == unit.UnitId);
        Assert.Equal((1.2m, 1.8m, MajorHazardLevel.Level4), (classified.Message.S, classified.Message.R, classified.Message.Level));
        var latest = (await _client.GetFromJsonAsync<List<UnitEvaluationResponse>>($"/api/hazards/enterprises/{enterprise.Id}/units/{unit.UnitId}/evaluations", Json))![0];
        Assert.Equal("catalogue changed: 75-07-0", latest.Reason);
        Assert.Equal(50m, Assert.Single(latest.Terms).CriticalQuantity);
    }

    [Fact]
    public async Task Removing_a_major_hazard_source_declassifies_it()
    {
        var enterprise = await _client.RegisterAsync();
        var unit = await _client.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 10m)));

        using var response = await _client.DeleteAsync($"/api/hazards/enterprises/{enterprise.Id}/units/{unit.UnitId}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var declassified = await _bus.WaitForAsync<MajorHazardSourceDeclassified>(e => e.UnitId == unit.UnitId);
        Assert.Equal(0m, declassified.Message.S);
    }

    [Fact]
    public async Task The_enterprise_report_and_the_register_list_units_by_level_and_district()
    {
        var enterprise = await _client.RegisterAsync(Enterprise(district: "310120", lat: 30.92, lon: 121.47, name: "奉贤化工"));
        var store = await _client.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 125m)));    // R 100: 一级
        var tanks = await _client.DeclareAsync(enterprise.Id, Unit(0, (Methanol, 100m)));     // S 0.2: not a source

        var report = await _client.GetFromJsonAsync<EnterpriseMajorHazards>($"/api/hazards/enterprises/{enterprise.Id}/major-hazards", Json);
        var level1 = await _client.GetFromJsonAsync<PaginatedItems<MajorHazardSourceResponse>>("/api/hazards/major-hazards?level=level1&district=310120", Json);
        using var bad = await _client.GetAsync("/api/hazards/major-hazards?level=level9");

        Assert.Equal("GB 18218-2018", report!.Edition);
        Assert.Equal(2, report.Units.Count);
        Assert.Contains(report.Units, u => u.UnitId == tanks.UnitId && !u.IsMajorHazard);
        var source = Assert.Single(level1!.Data);
        Assert.Equal((store.UnitId, "一级", "奉贤化工"), (source.UnitId, source.LevelName, source.EnterpriseName));
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("level", out _));
    }

    [Theory]
    [InlineData("substances", "7782-50-6")]   // wrong CAS check digit
    [InlineData("substances", "75-07-0")]     // valid CAS, not in the catalogue
    [InlineData("kind", Chlorine)]
    [InlineData("substances", "")]
    public async Task Invalid_units_are_400s_naming_the_field(string field, string cas)
    {
        var enterprise = await _client.RegisterAsync();
        var unit = cas.Length == 0 ? Unit(10) : Unit(10, (cas, 1m));
        if (field == "kind")
        {
            unit = unit with { Kind = "warehouse" };
        }

        using var response = await _client.PostAsJsonAsync($"/api/hazards/enterprises/{enterprise.Id}/units", unit, Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
