using System.Net;
using System.Net.Http.Json;
using System.Text;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>Grading by the criteria of 安监总管三〔2017〕121号, the report's checks, verification, and listing only 重大 ones.</summary>
public sealed class HiddenDangerTests(HazardsFactory factory) : IClassFixture<HazardsFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;

    public async Task InitializeAsync()
    {
        using var client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<HiddenDangerReported>().Record<HiddenDangerVerified>().Record<HiddenDangerRejected>().StartAsync();
    }

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task The_twenty_criteria_are_served_by_number()
    {
        using var client = factory.CreateClient();

        var criteria = (await client.GetFromJsonAsync<List<MajorDangerCriterionResponse>>("/api/hazards/major-danger-criteria", Json))!;

        Assert.Equal(Enumerable.Range(1, 20), criteria.Select(c => c.Number));
        Assert.All(criteria, c => Assert.Equal("安监总管三〔2017〕121号", c.Standard));
        Assert.Equal("特种作业人员未持证上岗。", criteria[1].Text);
        Assert.Contains("万向管道充装系统", criteria[6].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_enterprise_reporting_general_but_citing_criterion_3_gets_a_major_one_and_the_event_says_so()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);

        var danger = await owner.ReportOkAsync(enterprise.Id, Report("general", 3, 3));

        Assert.Equal((HiddenDangerGrade.Major, HiddenDangerGrade.General, HiddenDangerSource.Enterprise), (danger.Grade, danger.RequestedGrade, danger.Source));
        Assert.Equal(3, Assert.Single(danger.Criteria).Number);
        Assert.Contains("外部安全防护距离", danger.Criteria[0].Text, StringComparison.Ordinal);
        var message = (await _bus.WaitForAsync<HiddenDangerReported>(m => m.DangerId == danger.Id)).Message;
        Assert.Equal((HiddenDangerGrade.Major, HiddenDangerSource.Enterprise, true, enterprise.CreditCode), (message.Grade, message.ReportedBy, message.Verified, message.CreditCode));
        Assert.Equal([3], message.Criteria);
        var majors = await bureau.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<HiddenDangerSummary>>($"{Dangers(enterprise.Id)}?grade=major&state=verified", Json);
        Assert.Equal([danger.Id], majors!.Data.Select(d => d.Id));
        Assert.Empty((await bureau.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<HiddenDangerSummary>>($"{Dangers(enterprise.Id)}?grade=general", Json))!.Data);
    }

    [Fact]
    public async Task An_unknown_criterion_is_a_400_naming_it_and_nothing_is_kept()
    {
        using var client = factory.CreateClient();
        var enterprise = await client.RegisterAsync();

        using var unknown = await client.PostAsJsonAsync(Dangers(enterprise.Id), Report("general", 3, 21), Json);
        using var zero = await client.PostAsJsonAsync(Dangers(enterprise.Id), Report("general", 0), Json);
        using var byNumber = await client.PostAsync(Dangers(enterprise.Id),
            new StringContent("""{"title":"x","description":"y","grade":2}""", Encoding.UTF8, "application/json"));

        await unknown.FieldProblemAsync("criteria[1]");
        await zero.FieldProblemAsync("criteria[0]");
        Assert.Equal(HttpStatusCode.BadRequest, byNumber.StatusCode);
        Assert.Equal(0, (await client.GetFromJsonAsync<EmergencyOps.ServiceDefaults.PaginatedItems<HiddenDangerSummary>>(Dangers(enterprise.Id), Json))!.Count);
    }

    [Fact]
    public async Task A_plan_needs_a_future_deadline_with_its_offset_and_finite_funds()
    {
        using var client = factory.CreateClient();
        var enterprise = await client.RegisterAsync();
        var danger = await client.ReportOkAsync(enterprise.Id);

        using var past = await client.StepAsync(danger.Id, "plan", Plan(DateTimeOffset.UtcNow.AddMinutes(-1)));
        using var negative = await client.StepAsync(danger.Id, "plan", Plan() with { Funds = -1m });
        using var fen = await client.StepAsync(danger.Id, "plan", Plan() with { Funds = 1.005m });
        using var noOffset = await client.PostAsync($"{Danger(danger.Id)}/plan", new StringContent(
            """{"measures":"更换","responsiblePerson":"王","funds":0,"deadline":"2090-01-01T08:00:00"}""", Encoding.UTF8, "application/json"));

        await past.FieldProblemAsync("deadline");
        await negative.FieldProblemAsync("funds");
        await fen.FieldProblemAsync("funds");
        await noOffset.FieldProblemAsync("deadline");
        Assert.Equal(HiddenDangerState.Verified, (await client.DangerAsync(danger.Id)).State);
    }

    [Fact]
    public async Task Listing_a_general_one_is_a_409_and_it_stays_off_the_supervision_list()
    {
        using var regulator = factory.CreateClient().AsRegulator();
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        var danger = await regulator.ReportOkAsync(enterprise.Id, Report("general"));

        using var listing = await regulator.StepAsync(danger.Id, "listing", Listing());

        Assert.Equal(HttpStatusCode.Conflict, listing.StatusCode);
        Assert.Equal("Not a major hidden danger", await listing.TitleAsync());
        Assert.Null((await regulator.DangerAsync(danger.Id)).Supervision);
        Assert.DoesNotContain(await regulator.SupervisedAsync(includeClosed: true), s => s.Danger.Id == danger.Id);
    }

    [Fact]
    public async Task A_report_awaiting_verification_is_verified_or_rejected_by_a_regulator_and_only_then()
    {
        using var regulator = factory.CreateClient().AsRegulator();
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);
        var inspected = await owner.ReportOkAsync(enterprise.Id);
        var toVerify = await factory.PlantCitizenReportAsync(enterprise.Id);
        var toReject = await factory.PlantCitizenReportAsync(enterprise.Id);

        using (var notReported = await regulator.StepAsync(inspected.Id, "verification", new VerifyHiddenDangerRequest("verify", null))) await notReported.AssertWrongStateAsync("verified");
        using (var early = await owner.StepAsync(toVerify, "plan", Plan())) await early.AssertWrongStateAsync("reported");
        using (var byOwner = await owner.StepAsync(toVerify, "verification", new VerifyHiddenDangerRequest("verify", null))) Assert.Equal(HttpStatusCode.Forbidden, byOwner.StatusCode);
        using (var noReason = await regulator.StepAsync(toReject, "verification", new VerifyHiddenDangerRequest("reject", " "))) await noReason.FieldProblemAsync("reason");
        var verified = await regulator.StepOkAsync(toVerify, "verification", new VerifyHiddenDangerRequest("verify", null));
        var rejected = await regulator.StepOkAsync(toReject, "verification", new VerifyHiddenDangerRequest("reject", "现场核查不属实"));
        using (var planRejected = await owner.StepAsync(toReject, "plan", Plan())) await planRejected.AssertWrongStateAsync("rejected");

        Assert.Equal(HiddenDangerState.Verified, verified.State);
        Assert.Equal([HiddenDangerAction.Reported, HiddenDangerAction.Verified], verified.History.Select(s => s.Action));
        Assert.Equal((HiddenDangerState.Rejected, "现场核查不属实"), (rejected.State, rejected.RejectionReason));
        Assert.Equal(HiddenDangerState.Rectifying, (await owner.PlanOkAsync(toVerify)).State);
        Assert.Equal("regulator", (await _bus.WaitForAsync<HiddenDangerVerified>(m => m.DangerId == toVerify)).Message.VerifiedBy);
        Assert.Equal("现场核查不属实", (await _bus.WaitForAsync<HiddenDangerRejected>(m => m.DangerId == toReject)).Message.Reason);
    }
}
