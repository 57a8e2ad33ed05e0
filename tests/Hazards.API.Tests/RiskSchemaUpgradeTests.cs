using System.Net.Http.Json;
using EmergencyOps.Testing;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.RiskTestData;

namespace Hazards.API.Tests;

/// <summary>A database made by a build before risk grading gains the risk tables when the service starts on it, data kept.</summary>
public sealed class RiskSchemaUpgradeTests
{
    private static readonly string[] RiskTables = ["RiskListItems", "RiskLists", "RiskPoints"];

    [Fact]
    public async Task An_earlier_builds_database_gains_the_risk_tables_at_start()
    {
        await using var upgraded = await EarlierDatabase.WithoutAsync(RiskTables);
        var enterprise = upgraded.Enterprise;
        using var after = upgraded.CreateClient();
        await ServiceChecks.AssertReadyAsync(after);

        var point = await after.AddRiskPointAsync(enterprise.Id, RiskPoint(3, 6, 15));
        var filed = await after.FileAsync(enterprise.Id);
        Assert.Equal(point.Id, Assert.Single(filed.Items).RiskPointId);
        Assert.Equal(enterprise.Name, (await after.GetFromJsonAsync<Hazards.API.Model.EnterpriseResponse>($"/api/hazards/enterprises/{enterprise.Id}", Json))!.Name);
    }

    [Fact]
    public async Task An_earlier_builds_database_gains_the_risk_model_with_its_default_weights_and_a_level_for_every_enterprise()
    {
        await using var upgraded = await EarlierDatabase.WithoutAsync("EnterpriseRisks", "RiskWeights");
        var enterprise = upgraded.Enterprise;
        using var after = upgraded.CreateClient();
        await ServiceChecks.AssertReadyAsync(after);
        using var regulator = upgraded.CreateClient().AsRegulator();

        var ranked = await Eventually.GetAsync(async () => (await regulator.RankingAsync()).FirstOrDefault(r => r.EnterpriseId == enterprise.Id),
            "the earlier enterprise ranked");
        var weights = await after.GetFromJsonAsync<Hazards.API.Model.RiskWeightsResponse>("/api/hazards/risk-model/weights", Json);

        Assert.Equal((0m, EmergencyOps.Contracts.Hazards.RiskColour.Blue), (ranked.Score, ranked.Level));
        Assert.Equal((40m, 15m, 75m), (weights!.MajorHazardLevel1, weights.OpenMajorDanger, weights.RedFrom));
    }
}
