using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>The weights are data: administrators replace them, every level follows at once, bad sets are refused by field.</summary>
public sealed class RiskWeightsTests(HazardsFactory factory) : RiskEventTests<HazardsFactory>(factory)
{
    private const string Weights = "/api/hazards/risk-model/weights";
    [Fact]
    public async Task An_administrator_replaces_the_weights_and_every_level_is_recomputed_in_the_same_request()
    {
        using var admin = Factory.CreateClient();
        using var regulator = Factory.CreateClient().AsRegulator();
        var enterprise = await admin.RegisterAsync();
        await admin.DeclareLevel1Async(enterprise.Id);
        var defaults = await admin.GetFromJsonAsync<RiskWeightsResponse>(Weights, Json);

        using var response = await admin.PutAsJsonAsync(Weights, HazardExamples.RiskWeights with { MajorHazardLevel1 = 55.5m }, Json);
        var answer = await response.Content.ReadFromJsonAsync<RiskWeightsResponse>(Json);
        var risk = await admin.RiskAsync(enterprise.Id);
        var ranked = (await regulator.RankingAsync()).Single(r => r.EnterpriseId == enterprise.Id);
        var change = await ChangeAsync(m => m.EnterpriseId == enterprise.Id && m.Level == RiskColour.Orange);

        Assert.Equal((40m, 75m, null), (defaults!.MajorHazardLevel1, defaults.RedFrom, defaults.UpdatedBy));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((55.5m, 18m), (answer!.MajorHazardLevel1, answer.OpenMajorDanger));
        Assert.True(answer.Recomputed >= 1);
        Assert.NotNull(answer.UpdatedBy);
        Assert.Equal((55.5m, RiskColour.Orange, 55.5m), (risk.Score, risk.Level, risk.Term("majorHazard").Weight));
        Assert.Equal((55.5m, RiskColour.Orange), (ranked.Score, ranked.Level));
        Assert.Equal((RiskColour.Yellow, 55.5m), (change.Previous, change.Score));
    }

    [Fact]
    public async Task A_set_with_a_missing_weight_falling_thresholds_or_a_third_decimal_is_refused_by_field_and_changes_nothing()
    {
        using var admin = Factory.CreateClient();
        var before = await admin.GetStringAsync(Weights);

        using var missing = await admin.PutAsJsonAsync(Weights, HazardExamples.RiskWeights with { ScanAnomalyCap = null }, Json);
        using var falling = await admin.PutAsJsonAsync(Weights, HazardExamples.RiskWeights with { OrangeFrom = 25m }, Json);
        using var decimals = await admin.PutAsJsonAsync(Weights, HazardExamples.RiskWeights with { RiskPointRed = 30.125m }, Json);
        using var negative = await admin.PutAsJsonAsync(Weights, HazardExamples.RiskWeights with { ScanAnomaly = -1m }, Json);
        using var huge = await admin.PutAsJsonAsync(Weights, HazardExamples.RiskWeights with { RedFrom = 1e6m }, Json);

        await missing.FieldProblemAsync("scanAnomalyCap");
        var problem = await falling.FieldProblemAsync("orangeFrom");
        Assert.Contains("must be above yellowFrom (25)", problem.GetProperty("errors").GetProperty("orangeFrom")[0].GetString(), StringComparison.Ordinal);
        await decimals.FieldProblemAsync("riskPointRed");
        await negative.FieldProblemAsync("scanAnomaly");
        await huge.FieldProblemAsync("redFrom");
        Assert.Equal(before, await admin.GetStringAsync(Weights));
    }

    [Fact]
    public async Task Only_administrators_edit_the_weights()
    {
        var enterprise = await Factory.CreateClient().RegisterAsync();
        using var owner = Factory.CreateClient().ForEnterprise(enterprise);
        using var regulator = Factory.CreateClient().AsRegulator();

        using var byOwner = await owner.PutAsJsonAsync(Weights, HazardExamples.RiskWeights, Json);
        using var byRegulator = await regulator.PutAsJsonAsync(Weights, HazardExamples.RiskWeights, Json);
        using var read = await owner.GetAsync(Weights);

        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byRegulator.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }
}
