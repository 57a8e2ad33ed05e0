using System.Net;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>The regulators' list across enterprises: the citizens' reports awaiting verification, by district, oldest first.</summary>
public sealed class HiddenDangerQueueTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    private static Task<List<RegulatedHiddenDanger>> SearchAsync(HttpClient client, string query) =>
        client.PageDataAsync<RegulatedHiddenDanger>($"/api/hazards/hidden-dangers?pageSize=200&{query}");

    [Fact]
    public async Task A_regulator_lists_the_reports_awaiting_verification_by_district_oldest_first_and_an_enterprise_may_not()
    {
        using var bureau = factory.CreateClient();
        using var regulator = factory.CreateClient().AsRegulator();
        var minhang = await bureau.RegisterAsync(Enterprise(district: "310112", lat: 31.02, lon: 121.42, name: "上海闵行化工有限公司"));
        var pudong = await bureau.RegisterAsync(Enterprise(district: "310115", lat: 31.22, lon: 121.54, name: "上海浦东化工有限公司"));
        var first = await factory.PlantCitizenReportAsync(minhang.Id);
        var second = await factory.PlantCitizenReportAsync(minhang.Id);
        var elsewhere = await factory.PlantCitizenReportAsync(pudong.Id);
        var inspected = await regulator.ReportOkAsync(minhang.Id, Report("general"));
        await regulator.StepOkAsync(second, "verification", new VerifyHiddenDangerRequest("verify", null));
        using var owner = factory.CreateClient().ForEnterprise(minhang);

        var waiting = await SearchAsync(regulator, "state=reported&district=310112");
        var citizens = await SearchAsync(regulator, "source=citizen&district=310112");
        using var byOwner = await owner.GetAsync("/api/hazards/hidden-dangers?state=reported");
        using var badState = await regulator.GetAsync("/api/hazards/hidden-dangers?state=pending");
        using var badDistrict = await regulator.GetAsync("/api/hazards/hidden-dangers?district=310199");

        var only = Assert.Single(waiting);
        Assert.Equal((first, minhang.Name, "310112", HiddenDangerState.Reported), (only.Danger.Id, only.EnterpriseName, only.DistrictCode, only.Danger.State));
        Assert.Equal([first, second], citizens.Select(c => c.Danger.Id));
        Assert.DoesNotContain(citizens, c => c.Danger.Id == elsewhere || c.Danger.Id == inspected.Id);
        Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        await badState.FieldProblemAsync("state");
        await badDistrict.FieldProblemAsync("district");
    }
}
