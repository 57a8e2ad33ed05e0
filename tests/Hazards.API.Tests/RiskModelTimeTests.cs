using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>What moves a level with time alone: a rectification going overdue, and anomalies leaving the 30-day window.</summary>
public sealed class RiskModelTimeTests(OverdueFactory factory) : RiskEventTests<OverdueFactory>(factory)
{
    [Fact]
    public async Task An_overdue_major_danger_adds_its_weight_when_the_sweep_escalates_it_and_the_rise_is_published()
    {
        using var client = Factory.CreateClient();
        var enterprise = await client.RegisterAsync();
        await client.DeclareLevel1Async(enterprise.Id);                                  // 40
        var danger = await client.ReportOkAsync(enterprise.Id, Report("major", 2));     // +15 = 55, orange
        await client.PlanOkAsync(danger.Id, Factory.Clock.GetUtcNow().AddHours(2));
        var before = await client.RiskAsync(enterprise.Id);

        Factory.Clock.Offset += TimeSpan.FromHours(3);
        var red = await ChangeAsync(m => m.EnterpriseId == enterprise.Id && m.Level == RiskColour.Red);
        var after = await client.RiskAsync(enterprise.Id);

        Assert.Equal((55m, RiskColour.Orange), (before.Score, before.Level));
        Assert.Equal((75m, RiskColour.Red, 1, 20m), (after.Score, after.Level, after.Term("overdueMajorDangers").Count, after.Term("overdueMajorDangers").Points));
        Assert.Equal((RiskColour.Orange, 75m), (red.Previous, red.Score));
        Assert.Contains("逾期未整改重大隐患 +20", red.Terms);
    }

    [Fact]
    public async Task Anomalies_stop_counting_after_30_days_without_any_request_about_the_enterprise()
    {
        using var client = Factory.CreateClient();
        var enterprise = await client.RegisterAsync();
        await client.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 62.5m)));          // 二级: 30
        var code = (await client.RegisterProductAsync(enterprise.Id)).Code;
        for (var i = 0; i < 7; i++)
        {
            await client.RefusedScanAsync(enterprise.Id, code);                          // +15 (capped) = 45
        }
        await client.AddRedRiskPointAsync(enterprise.Id);                                // +30 = 75: red
        var before = await client.RiskAsync(enterprise.Id);

        Factory.Clock.Offset += TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1);
        var down = await ChangeAsync(m => m.EnterpriseId == enterprise.Id && m.Previous == RiskColour.Red);
        var ranked = (await Factory.CreateClient().AsRegulator().RankingAsync()).Single(r => r.EnterpriseId == enterprise.Id);

        Assert.Equal((75m, RiskColour.Red, 7), (before.Score, before.Level, before.Term("scanAnomalies").Count));
        Assert.Equal((RiskColour.Orange, 60m), (down.Level, down.Score));
        Assert.Equal((60m, RiskColour.Orange), (ranked.Score, ranked.Level));
        Assert.Equal(0, (await client.RiskAsync(enterprise.Id)).Term("scanAnomalies").Count);
    }
}
