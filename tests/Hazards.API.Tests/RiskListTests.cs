using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.RiskTestData;

namespace Hazards.API.Tests;

/// <summary>Filing (备案) the risk list: versions that keep what they listed, the event, and the regulator's review.</summary>
public sealed class RiskListTests(HazardsFactory factory) : IClassFixture<HazardsFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<RiskListFiled>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Each_filing_is_a_new_version_and_later_edits_leave_the_filed_ones_as_they_were()
    {
        var enterprise = await _client.RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);
        var tanks = await owner.AddRiskPointAsync(enterprise.Id, RiskPoint(3, 3, 40, "液氯储罐区"));     // 360 red
        var loading = await owner.AddRiskPointAsync(enterprise.Id, RiskPoint(6, 2, 15, "装卸作业"));     // 180 orange
        var office = await owner.AddRiskPointAsync(enterprise.Id, RiskPoint(1, 10, 7, "办公楼"));        // 70 blue

        var first = await owner.FileAsync(enterprise.Id);
        (await owner.PutAsJsonAsync($"{RiskPoints(enterprise.Id)}/{tanks.Id}", RiskPoint(0.5m, 3, 100, "液氯储罐区"), Json)).EnsureSuccessStatusCode(); // 150 yellow
        (await owner.DeleteAsync($"{RiskPoints(enterprise.Id)}/{office.Id}")).EnsureSuccessStatusCode();
        var second = await owner.FileAsync(enterprise.Id);

        Assert.Equal((1, 3, new RiskColourCounts(1, 1, 0, 1), RiskColour.Red, "重大风险", RiskListStatus.Filed),
            (first.Filing.Version, first.Filing.RiskPoints, first.Filing.Counts, first.Filing.Highest, first.Filing.HighestName, first.Filing.Status));
        Assert.Equal([tanks.Id, loading.Id, office.Id], first.Items.Select(i => i.RiskPointId));   // highest D first
        Assert.Equal((2, new RiskColourCounts(0, 1, 1, 0), RiskColour.Orange), (second.Filing.Version, second.Filing.Counts, second.Filing.Highest));
        var reread = await _client.FilingAsync(enterprise.Id, 1);
        Assert.Equal([360m, 180m, 70m], reread.Items.Select(i => i.D));
        Assert.Equal(["液氯储罐区", "装卸作业", "办公楼"], reread.Items.Select(i => i.Name));
        Assert.Equal(first.Items[0].Hazards, reread.Items[0].Hazards);
        Assert.Equal($"client-{enterprise.ShortCode}", reread.Filing.FiledBy);
        var filings = await _client.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<RiskListSummary>>(RiskLists(enterprise.Id), Json);
        Assert.Equal([2, 1], filings!.Data.Select(f => f.Version));
        Assert.Contains("\"filedAt\":", await _client.GetStringAsync(RiskLists(enterprise.Id)), StringComparison.Ordinal);
        Assert.Matches("\"filedAt\":\"[^\"]+\\+08:00\"", await _client.GetStringAsync($"{RiskLists(enterprise.Id)}/1"));
        using var missing = await _client.GetAsync($"{RiskLists(enterprise.Id)}/3");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Filing_publishes_RiskListFiled_with_the_counts_and_the_highest_colour()
    {
        var enterprise = await _client.RegisterAsync();
        await _client.AddRiskPointAsync(enterprise.Id, RiskPoint(6, 2, 15));      // 180 orange
        await _client.AddRiskPointAsync(enterprise.Id, RiskPoint(0.5m, 10, 15));  // 75 yellow
        await _client.AddRiskPointAsync(enterprise.Id, RiskPoint(1, 3, 7));       // 21 blue

        var filed = await _client.FileAsync(enterprise.Id);

        var message = (await _bus.WaitForAsync<RiskListFiled>(e => e.EnterpriseId == enterprise.Id)).Message;
        Assert.Equal((enterprise.CreditCode, enterprise.Name, 1, 3), (message.CreditCode, message.EnterpriseName, message.Version, message.RiskPoints));
        Assert.Equal((0, 1, 1, 1, RiskColour.Orange), (message.Red, message.Orange, message.Yellow, message.Blue, message.Highest));
        Assert.Equal(("hazards", filed.Filing.Version), (message.Source, message.Version));
        Assert.NotEqual(Guid.Empty, message.CorrelationId);
    }

    [Fact]
    public async Task A_retried_filing_with_the_same_idempotency_key_files_once()
    {
        var enterprise = await _client.RegisterAsync();
        await _client.AddRiskPointAsync(enterprise.Id, RiskPoint(3, 6, 15));
        var key = Guid.NewGuid().ToString();

        var versions = new List<int>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, RiskLists(enterprise.Id)) { Headers = { { "Idempotency-Key", key } } };
            using var response = await _client.SendAsync(request);
            versions.Add((await response.Content.ReadFromJsonAsync<RiskListResponse>(Json))!.Filing.Version);
        }

        Assert.Equal([1, 1], versions);
        Assert.Single((await _client.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<RiskListSummary>>(RiskLists(enterprise.Id), Json))!.Data);
    }

    [Fact]
    public async Task With_no_risk_points_there_is_nothing_to_file_and_no_event()
    {
        var enterprise = await _client.RegisterAsync();

        using var response = await _client.PostAsync(RiskLists(enterprise.Id), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("Nothing to file", (await response.ProblemAsync()).GetProperty("title").GetString());
        Assert.Empty((await _client.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<RiskListSummary>>(RiskLists(enterprise.Id), Json))!.Data);
        Assert.DoesNotContain(_bus.Received<RiskListFiled>(), m => m.Message.EnterpriseId == enterprise.Id);
    }

    [Fact]
    public async Task A_regulator_returns_with_a_note_or_accepts_and_each_filing_is_reviewed_once()
    {
        var enterprise = await _client.RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);
        using var regulator = factory.CreateClient().AsRegulator();
        await owner.AddRiskPointAsync(enterprise.Id, RiskPoint(3, 6, 15));
        await owner.FileAsync(enterprise.Id);

        using var noNote = await regulator.ReviewAsync(enterprise.Id, 1, "return");
        await noNote.FieldProblemAsync("note");
        using var returned = await regulator.ReviewAsync(enterprise.Id, 1, "return", "请补充应急处置措施");
        using var again = await regulator.ReviewAsync(enterprise.Id, 1, "accept");
        await owner.FileAsync(enterprise.Id);
        await owner.FileAsync(enterprise.Id);
        using var superseded = await regulator.ReviewAsync(enterprise.Id, 2, "accept");
        using var accepted = await regulator.ReviewAsync(enterprise.Id, 3, "accept");

        var first = (await returned.Content.ReadFromJsonAsync<RiskListSummary>(Json))!;
        Assert.Equal((RiskListStatus.Returned, "regulator", "请补充应急处置措施"), (first.Status, first.ReviewedBy, first.ReviewNote));
        Assert.NotNull(first.ReviewedAt);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Already reviewed", (await again.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal("Superseded", (await superseded.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal(RiskListStatus.Accepted, (await accepted.Content.ReadFromJsonAsync<RiskListSummary>(Json))!.Status);
        var filings = (await owner.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<RiskListSummary>>(RiskLists(enterprise.Id), Json))!.Data;
        Assert.Equal([RiskListStatus.Accepted, RiskListStatus.Filed, RiskListStatus.Returned], filings.Select(f => f.Status));
        Assert.Matches("\"reviewedAt\":\"[^\"]+\\+08:00\"", await owner.GetStringAsync($"{RiskLists(enterprise.Id)}/1"));
    }

    [Fact]
    public async Task An_enterprise_cannot_review_a_filing_not_even_its_own()
    {
        var enterprise = await _client.RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);
        await owner.AddRiskPointAsync(enterprise.Id, RiskPoint(3, 6, 15));
        await owner.FileAsync(enterprise.Id);
        // An enterprise's token lacks hazards:supervise; a bound caller holding it anyway is refused by its binding.
        using var bound = factory.CreateClient();
        bound.DefaultRequestHeaders.Add(EmergencyOps.ServiceDefaults.DevelopmentAuthenticationHandler.BindingHeader,
            $"{EmergencyOps.ServiceDefaults.IdentityClaims.EnterpriseId}={enterprise.Id}");

        using var withoutScope = await owner.ReviewAsync(enterprise.Id, 1, "accept");
        using var byBinding = await bound.ReviewAsync(enterprise.Id, 1, "accept");

        Assert.Equal(HttpStatusCode.Forbidden, withoutScope.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byBinding.StatusCode);
        Assert.Equal("Not a regulator", (await byBinding.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal(RiskListStatus.Filed, (await _client.FilingAsync(enterprise.Id, 1)).Filing.Status);
    }
}
