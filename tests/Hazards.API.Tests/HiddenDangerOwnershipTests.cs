using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>An enterprise touches only its own hidden dangers; another's is 403 "Not your enterprise" and nothing changes.</summary>
public sealed class HiddenDangerOwnershipTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task Another_enterprise_can_neither_read_nor_step_nor_report_for_it_and_nothing_changes()
    {
        using var bureau = factory.CreateClient();
        var mine = await bureau.RegisterAsync();
        var theirs = await bureau.RegisterAsync();
        using var client = factory.CreateClient().ForEnterprise(mine);
        using var other = factory.CreateClient().ForEnterprise(theirs, byCreditCode: false);
        var planned = await other.ReportOkAsync(theirs.Id);
        await other.PlanOkAsync(planned.Id);
        var rectified = await other.ReportOkAsync(theirs.Id);
        await other.PlanOkAsync(rectified.Id);
        await other.RectifyOkAsync(rectified.Id);
        var before = (await bureau.GetStringAsync(Danger(planned.Id)), await bureau.GetStringAsync(Danger(rectified.Id)));

        using var report = await client.PostAsJsonAsync(Dangers(theirs.Id), Report(), Json);
        using var list = await client.GetAsync(Dangers(theirs.Id));
        using var read = await client.GetAsync(Danger(planned.Id));
        using var rectify = await client.StepAsync(planned.Id, "rectification", HazardExamples.Rectification);
        using var plan = await client.StepAsync(planned.Id, "plan", Plan());
        using var review = await client.StepAsync(rectified.Id, "review", new ReviewHiddenDangerRequest(true, null));
        using var supervised = await client.GetAsync("/api/hazards/hidden-dangers/supervised");

        foreach (var refused in new[] { report, list, read, rectify, plan, review })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("Not your enterprise", await refused.TitleAsync());
        }
        Assert.Equal(HttpStatusCode.Forbidden, supervised.StatusCode);
        Assert.Equal(before, (await bureau.GetStringAsync(Danger(planned.Id)), await bureau.GetStringAsync(Danger(rectified.Id))));
        Assert.Equal(2, (await bureau.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<HiddenDangerSummary>>(Dangers(theirs.Id), Json))!.Count);
    }

    [Fact]
    public async Task A_reader_reads_but_neither_reports_nor_steps()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        var danger = await bureau.ReportOkAsync(enterprise.Id);
        using var reader = factory.CreateClient();
        reader.DefaultRequestHeaders.Add(EmergencyOps.ServiceDefaults.DevelopmentAuthenticationHandler.ScopesHeader, "hazards:read");

        var read = await reader.DangerAsync(danger.Id);
        using var report = await reader.PostAsJsonAsync(Dangers(enterprise.Id), Report(), Json);
        using var plan = await reader.StepAsync(danger.Id, "plan", Plan());

        Assert.Equal(danger.Id, read.Id);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden), (report.StatusCode, plan.StatusCode));
        Assert.Equal(HiddenDangerState.Verified, (await bureau.DangerAsync(danger.Id)).State);
    }
}
