using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>A change of the GB 18218 tables re-grades units, and their enterprises' risk levels follow in the same request.</summary>
public sealed class RiskCatalogueTests(HazardsFactory factory) : RiskEventTests<HazardsFactory>(factory)
{
    [Fact]
    public async Task New_alpha_bands_that_raise_a_source_to_level1_raise_its_enterprise_in_the_ranking_at_once()
    {
        using var admin = Factory.CreateClient();
        using var regulator = Factory.CreateClient().AsRegulator();
        var enterprise = await admin.RegisterAsync();
        await admin.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 62.5m)));                 // α 1.0: R 50, 二级: 30
        await admin.AddRiskPointAsync(enterprise.Id, RiskTestData.RiskPoint(1m, 6m, 15m));     // yellow point: 40, yellow
        var before = (await regulator.RankingAsync()).Single(r => r.EnterpriseId == enterprise.Id);

        // From one person outside, α 2.0: R 100, 一级.
        using var bands = await admin.PutAsJsonAsync("/api/hazards/tables/gb18218/alpha-bands",
            new PutAlphaBandsRequest([new(100, 2.0m), new(1, 2.0m), new(0, 0.5m)]), Json);
        var after = (await regulator.RankingAsync()).Single(r => r.EnterpriseId == enterprise.Id);
        var change = await ChangeAsync(m => m.EnterpriseId == enterprise.Id && m.Level == RiskColour.Orange);

        Assert.Equal((40m, RiskColour.Yellow), (before.Score, before.Level));
        Assert.Equal(HttpStatusCode.OK, bands.StatusCode);
        Assert.Equal((50m, RiskColour.Orange), (after.Score, after.Level));
        Assert.Equal((RiskColour.Yellow, 50m), (change.Previous, change.Score));
    }
}
