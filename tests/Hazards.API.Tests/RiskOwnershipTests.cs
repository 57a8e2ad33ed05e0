using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Testing;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.RiskTestData;

namespace Hazards.API.Tests;

/// <summary>An enterprise keeps and files only its own risk points; a reader reads them and changes nothing.</summary>
public sealed class RiskOwnershipTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task An_enterprise_touches_neither_anothers_risk_points_nor_its_filings_and_nothing_changes()
    {
        using var bureau = factory.CreateClient();
        var mine = await bureau.RegisterAsync();
        var theirs = await bureau.RegisterAsync();
        using var client = factory.CreateClient().ForEnterprise(mine);
        using var other = factory.CreateClient().ForEnterprise(theirs, byCreditCode: false);
        var theirPoint = await other.AddRiskPointAsync(theirs.Id, RiskPoint(3, 6, 15, "罐区"));
        await other.FileAsync(theirs.Id);
        var before = await bureau.GetStringAsync($"{RiskPoints(theirs.Id)}/{theirPoint.Id}");

        using var add = await client.PostAsJsonAsync(RiskPoints(theirs.Id), RiskPoint(10, 10, 100), Json);
        using var change = await client.PutAsJsonAsync($"{RiskPoints(theirs.Id)}/{theirPoint.Id}", RiskPoint(0.1m, 0.5m, 1, "罐区"), Json);
        using var remove = await client.DeleteAsync($"{RiskPoints(theirs.Id)}/{theirPoint.Id}");
        using var read = await client.GetAsync($"{RiskPoints(theirs.Id)}/{theirPoint.Id}");
        using var list = await client.GetAsync(RiskPoints(theirs.Id));
        using var file = await client.PostAsync(RiskLists(theirs.Id), null);
        using var filings = await client.GetAsync(RiskLists(theirs.Id));
        using var filing = await client.GetAsync($"{RiskLists(theirs.Id)}/1");
        // Through its own enterprise's path, another's risk point is simply not there.
        using var viaMine = await client.PutAsJsonAsync($"{RiskPoints(mine.Id)}/{theirPoint.Id}", RiskPoint(0.1m, 0.5m, 1, "罐区"), Json);
        using var deleteViaMine = await client.DeleteAsync($"{RiskPoints(mine.Id)}/{theirPoint.Id}");

        foreach (var refused in new[] { add, change, remove, read, list, file, filings, filing })
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("Not your enterprise", (await refused.ProblemAsync()).GetProperty("title").GetString());
        }
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (viaMine.StatusCode, deleteViaMine.StatusCode));
        Assert.Equal(before, await bureau.GetStringAsync($"{RiskPoints(theirs.Id)}/{theirPoint.Id}"));
        Assert.Single(await bureau.RiskPointsAsync(theirs.Id));
        Assert.Equal(1, (await bureau.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<Hazards.API.Model.RiskListSummary>>(RiskLists(theirs.Id), Json))!.Count);
    }

    [Fact]
    public async Task A_regulator_reads_every_enterprises_risk_points_and_filings_but_writes_none()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);
        var point = await owner.AddRiskPointAsync(enterprise.Id, RiskPoint(3, 6, 15));
        await owner.FileAsync(enterprise.Id);
        using var regulator = factory.CreateClient().AsRegulator();

        var points = await regulator.RiskPointsAsync(enterprise.Id);
        var filed = await regulator.FilingAsync(enterprise.Id, 1);
        using var add = await regulator.PostAsJsonAsync(RiskPoints(enterprise.Id), RiskPoint(1, 1, 1), Json);
        using var file = await regulator.PostAsync(RiskLists(enterprise.Id), null);
        using var remove = await regulator.DeleteAsync($"{RiskPoints(enterprise.Id)}/{point.Id}");

        Assert.Equal([point.Id], points.Select(p => p.Id));
        Assert.Equal(point.Id, Assert.Single(filed.Items).RiskPointId);
        Assert.All(new[] { add, file, remove }, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        Assert.Single(await bureau.RiskPointsAsync(enterprise.Id));
        Assert.Equal(1, (await bureau.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<Hazards.API.Model.RiskListSummary>>(RiskLists(enterprise.Id), Json))!.Count);
    }
}
