using System.Net;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>The enterprise risk model: every term of the score, the level at the default thresholds, and a level change on the broker.</summary>
public sealed class RiskModelTests(HazardsFactory factory) : RiskEventTests<HazardsFactory>(factory)
{
    [Fact]
    public async Task A_new_enterprise_is_blue_and_the_answer_lists_every_term_at_zero()
    {
        using var client = Factory.CreateClient();
        var enterprise = await client.RegisterAsync();

        var risk = await client.RiskAsync(enterprise.Id);

        Assert.Equal((0m, RiskColour.Blue, "蓝", "低风险"), (risk.Score, risk.Level, risk.LevelColourName, risk.LevelName));
        Assert.Equal(["majorHazard", "riskPoint", "openMajorDangers", "openGeneralDangers", "overdueMajorDangers", "overdueGeneralDangers", "scanAnomalies"],
            risk.Terms.Select(t => t.Term));
        Assert.All(risk.Terms, t => Assert.Equal((0, 0m), (t.Count, t.Points)));
        Assert.Equal((25m, 50m, 75m), (risk.Thresholds.YellowFrom, risk.Thresholds.OrangeFrom, risk.Thresholds.RedFrom));
        Assert.NotNull(risk.LevelSince);
    }

    [Fact]
    public async Task Each_event_moves_the_score_by_its_term_and_each_colour_change_is_published_once()
    {
        using var client = Factory.CreateClient();
        using var regulator = Factory.CreateClient().AsRegulator();
        var enterprise = await client.RegisterAsync();
        using var owner = Factory.CreateClient().ForEnterprise(enterprise);

        await client.DeclareLevel1Async(enterprise.Id);
        var afterSource = await client.RiskAsync(enterprise.Id);
        await owner.AddRedRiskPointAsync(enterprise.Id);
        var afterPoint = await client.RiskAsync(enterprise.Id);
        var major = await regulator.ReportOkAsync(enterprise.Id, Report("major", 1));
        await owner.ReportOkAsync(enterprise.Id, Report("general"));
        var afterDangers = await client.RiskAsync(enterprise.Id);

        Assert.Equal((40m, RiskColour.Yellow), (afterSource.Score, afterSource.Level));
        Assert.Equal((1, 40m, 40m), (afterSource.Term("majorHazard").Count, afterSource.Term("majorHazard").Weight, afterSource.Term("majorHazard").Points));
        Assert.Equal("最高重大危险源: 一级", afterSource.Term("majorHazard").Label);
        Assert.Equal((70m, RiskColour.Orange, 30m), (afterPoint.Score, afterPoint.Level, afterPoint.Term("riskPoint").Points));
        Assert.Equal((88m, RiskColour.Red, "红", "重大风险"), (afterDangers.Score, afterDangers.Level, afterDangers.LevelColourName, afterDangers.LevelName));
        Assert.Equal((1, 15m), (afterDangers.Term("openMajorDangers").Count, afterDangers.Term("openMajorDangers").Points));
        Assert.Equal((1, 3m), (afterDangers.Term("openGeneralDangers").Count, afterDangers.Term("openGeneralDangers").Points));

        var red = await ChangeAsync(m => m.EnterpriseId == enterprise.Id && m.Level == RiskColour.Red);
        Assert.Equal((RiskColour.Orange, 85m, enterprise.Name, enterprise.DistrictCode), (red.Previous, red.Score, red.EnterpriseName, red.DistrictCode));
        Assert.Equal(["最高重大危险源: 一级 +40", "最高风险点: 红色(重大风险) +30", "未销号重大隐患 +15"], red.Terms);
        Assert.Equal([(RiskColour.Blue, RiskColour.Yellow), (RiskColour.Yellow, RiskColour.Orange), (RiskColour.Orange, RiskColour.Red)],
            Changes(enterprise.Id).Select(c => (c.Previous, c.Level)));

        // Closing the major danger (plan, rectification, the regulator's review) takes its 15 points off: back to orange.
        await owner.PlanOkAsync(major.Id);
        await owner.RectifyOkAsync(major.Id);
        await regulator.ReviewOkAsync(major.Id, passed: true, "整改到位");
        var afterClose = await client.RiskAsync(enterprise.Id);
        Assert.Equal((73m, RiskColour.Orange, 0), (afterClose.Score, afterClose.Level, afterClose.Term("openMajorDangers").Count));
        var down = await ChangeAsync(m => m.EnterpriseId == enterprise.Id && m.Previous == RiskColour.Red);
        Assert.Equal(RiskColour.Orange, down.Level);
        Assert.Equal(4, Changes(enterprise.Id).Count);
    }

    [Fact]
    public async Task A_citizen_report_counts_only_once_verified_and_a_rejected_one_never()
    {
        using var client = Factory.CreateClient();
        using var regulator = Factory.CreateClient().AsRegulator();
        var enterprise = await client.RegisterAsync();
        var pending = await Factory.PlantCitizenReportAsync(enterprise.Id);
        var rejected = await Factory.PlantCitizenReportAsync(enterprise.Id);

        var before = await client.RiskAsync(enterprise.Id);
        await regulator.StepOkAsync(pending, "verification", new Hazards.API.Model.VerifyHiddenDangerRequest("verify", null));
        await regulator.StepOkAsync(rejected, "verification", new Hazards.API.Model.VerifyHiddenDangerRequest("reject", "现场核查无异味，系邻近工地施工所致"));
        var after = await client.RiskAsync(enterprise.Id);

        Assert.Equal(0, before.Term("openGeneralDangers").Count);
        Assert.Equal((1, 3m), (after.Term("openGeneralDangers").Count, after.Score));
    }

    [Fact]
    public async Task Scan_anomalies_count_up_to_their_cap()
    {
        using var client = Factory.CreateClient();
        var enterprise = await client.RegisterAsync();
        var code = (await client.RegisterProductAsync(enterprise.Id)).Code;

        for (var i = 0; i < 6; i++)
        {
            await client.RefusedScanAsync(enterprise.Id, code);
        }
        var risk = await client.RiskAsync(enterprise.Id);

        Assert.Equal((6, 3m, 15m), (risk.Term("scanAnomalies").Count, risk.Term("scanAnomalies").Weight, risk.Term("scanAnomalies").Points));
        Assert.Equal((15m, RiskColour.Blue), (risk.Score, risk.Level));
    }

    [Fact]
    public async Task Regulators_rank_by_score_within_a_district_and_enterprises_may_not_read_the_ranking_or_others_risk()
    {
        using var client = Factory.CreateClient();
        using var regulator = Factory.CreateClient().AsRegulator();
        var high = await client.RegisterAsync(Enterprise(district: "310104", lat: 31.18, lon: 121.43, name: "上海徐汇高风险化工有限公司"));
        var low = await client.RegisterAsync(Enterprise(district: "310104", lat: 31.17, lon: 121.44, name: "上海徐汇低风险化工有限公司"));
        var elsewhere = await client.RegisterAsync(Enterprise(district: "310115", lat: 31.22, lon: 121.54, name: "上海浦东化工有限公司"));
        await client.DeclareLevel1Async(high.Id);
        await client.AddRedRiskPointAsync(low.Id);
        await client.DeclareLevel1Async(elsewhere.Id);
        using var owner = Factory.CreateClient().ForEnterprise(low);

        var ranking = await regulator.RankingAsync("&district=310104");
        var yellow = await regulator.RankingAsync("&level=yellow");
        using var byEnterprise = await owner.GetAsync("/api/hazards/risk-ranking");
        using var othersRisk = await owner.GetAsync($"/api/hazards/enterprises/{high.Id}/risk");
        using var badDistrict = await regulator.GetAsync("/api/hazards/risk-ranking?district=999999");
        using var badLevel = await regulator.GetAsync("/api/hazards/risk-ranking?level=purple");

        Assert.Equal([(1, high.Id, 40m, "徐汇区"), (2, low.Id, 30m, "徐汇区")], ranking.Select(r => (r.Rank, r.EnterpriseId, r.Score, r.DistrictName)));
        Assert.Equal(RiskColour.Yellow, ranking[0].Level);
        Assert.Contains(yellow, r => r.EnterpriseId == elsewhere.Id);
        Assert.All(yellow, r => Assert.Equal(RiskColour.Yellow, r.Level));
        Assert.Equal(HttpStatusCode.Forbidden, byEnterprise.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, othersRisk.StatusCode);
        await badDistrict.FieldProblemAsync("district");
        await badLevel.FieldProblemAsync("level");
    }
}
