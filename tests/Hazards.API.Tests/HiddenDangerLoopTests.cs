using System.Net;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Hazards.API.Model;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>The closed loop (隐患排查治理闭环) in order, for a 一般 and a 重大 hidden danger, each refused step a 409 naming the rule.</summary>
public sealed class HiddenDangerLoopTests(HazardsFactory factory) : IClassFixture<HazardsFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;

    public async Task InitializeAsync()
    {
        using var client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<HiddenDangerReported>().Record<HiddenDangerClosed>().Record<HiddenDangerListed>().StartAsync();
    }

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task A_general_one_runs_the_loop_in_order_reviewed_by_the_enterprise_itself()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);

        var reported = await owner.ReportOkAsync(enterprise.Id, Report("general"));
        using (var early = await owner.StepAsync(reported.Id, "rectification", HazardExamples.Rectification)) await early.AssertWrongStateAsync("verified");
        using (var earlyReview = await owner.StepAsync(reported.Id, "review", new ReviewHiddenDangerRequest(true, null))) await earlyReview.AssertWrongStateAsync("verified");
        var planned = await owner.PlanOkAsync(reported.Id);
        using (var twice = await owner.StepAsync(reported.Id, "plan", Plan())) await twice.AssertWrongStateAsync("rectifying");
        var rectified = await owner.RectifyOkAsync(reported.Id);
        using (var again = await owner.StepAsync(reported.Id, "rectification", HazardExamples.Rectification)) await again.AssertWrongStateAsync("rectified");
        var failed = await owner.ReviewOkAsync(reported.Id, passed: false, "灭火器压力不足，请更换");
        await owner.RectifyOkAsync(reported.Id);
        var closed = await owner.ReviewOkAsync(reported.Id, passed: true, "复查合格");
        using (var afterClose = await owner.StepAsync(reported.Id, "review", new ReviewHiddenDangerRequest(true, null))) await afterClose.AssertWrongStateAsync("closed");

        Assert.Equal((HiddenDangerSource.Enterprise, HiddenDangerGrade.General, "一般事故隐患", HiddenDangerState.Verified),
            (reported.Source, reported.Grade, reported.GradeName, reported.State));
        Assert.Equal((HiddenDangerState.Rectifying, 380000m, "王建国(副总经理)"), (planned.State, planned.Plan!.Funds, planned.Plan.ResponsiblePerson));
        Assert.Equal(HiddenDangerState.Rectified, rectified.State);
        Assert.Equal(HiddenDangerState.Rectifying, failed.State);
        Assert.Equal(HiddenDangerState.Closed, closed.State);
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal(
            [HiddenDangerAction.Reported, HiddenDangerAction.Planned, HiddenDangerAction.Rectified, HiddenDangerAction.ReviewFailed,
             HiddenDangerAction.Rectified, HiddenDangerAction.ReviewPassed, HiddenDangerAction.Closed],
            closed.History.Select(s => s.Action));
        Assert.Equal(Enumerable.Range(1, 7), closed.History.Select(s => s.Sequence));
        Assert.All(closed.History, s => Assert.Equal($"client-{enterprise.ShortCode}", s.Actor));
        Assert.Equal("灭火器压力不足，请更换", closed.History[3].Note);
        Assert.Matches("\"at\":\"[^\"]+\\+08:00\"", await bureau.GetStringAsync(Danger(reported.Id)));
        Assert.Matches("\"deadline\":\"[^\"]+\\+08:00\"", await bureau.GetStringAsync(Danger(reported.Id)));
        var message = (await _bus.WaitForAsync<HiddenDangerClosed>(m => m.DangerId == reported.Id)).Message;
        Assert.Equal((enterprise.Id, HiddenDangerGrade.General, false, false), (message.EnterpriseId, message.Grade, message.WasListed, message.WasOverdue));
        Assert.NotEqual(Guid.Empty, message.CorrelationId);
    }

    [Fact]
    public async Task A_major_one_is_reviewed_by_the_regulator_not_the_enterprise_and_leaves_supervision_when_closed()
    {
        using var bureau = factory.CreateClient();
        var enterprise = await bureau.RegisterAsync();
        using var owner = factory.CreateClient().ForEnterprise(enterprise);
        using var regulator = factory.CreateClient().AsRegulator();

        var reported = await regulator.ReportOkAsync(enterprise.Id, Report("major"));
        var listed = await regulator.StepOkAsync(reported.Id, "listing", Listing());
        using (var twice = await regulator.StepAsync(reported.Id, "listing", Listing())) Assert.Equal("Already listed", await twice.TitleAsync());
        using (var byEnterprise = await owner.StepAsync(reported.Id, "listing", Listing())) Assert.Equal(HttpStatusCode.Forbidden, byEnterprise.StatusCode);
        using (var regulatorPlans = await regulator.StepAsync(reported.Id, "plan", Plan())) Assert.Equal(HttpStatusCode.Forbidden, regulatorPlans.StatusCode);
        await owner.PlanOkAsync(reported.Id);
        await owner.RectifyOkAsync(reported.Id);
        using var ownReview = await owner.StepAsync(reported.Id, "review", new ReviewHiddenDangerRequest(true, null));
        var onList = await regulator.SupervisedAsync();
        var closed = await regulator.ReviewOkAsync(reported.Id, passed: true, "经复查，整改到位，同意销号");

        Assert.Equal((HiddenDangerSource.Regulator, HiddenDangerGrade.Major, "重大事故隐患"), (reported.Source, reported.Grade, reported.GradeName));
        Assert.Equal(("金山区应急管理局", true), (listed.Supervision!.SupervisingUnit, listed.Supervision.OnList));
        Assert.Equal(HttpStatusCode.Forbidden, ownReview.StatusCode);
        Assert.Equal("Not a regulator", await ownReview.TitleAsync());
        Assert.Contains(onList, s => s.Danger.Id == reported.Id);
        Assert.Equal((HiddenDangerState.Closed, false), (closed.State, closed.Supervision!.OnList));
        Assert.DoesNotContain(await regulator.SupervisedAsync(), s => s.Danger.Id == reported.Id);
        var withClosed = await regulator.SupervisedAsync(includeClosed: true);
        Assert.Contains(withClosed, s => s.Danger.Id == reported.Id && !s.Supervision.OnList);
        Assert.True(withClosed.SkipWhile(s => s.Supervision.OnList).All(s => !s.Supervision.OnList), "open ones first");
        Assert.Equal("regulator", closed.History.Single(s => s.Action == HiddenDangerAction.ReviewPassed).Actor);
        var message = (await _bus.WaitForAsync<HiddenDangerClosed>(m => m.DangerId == reported.Id)).Message;
        Assert.Equal((HiddenDangerGrade.Major, true, "regulator"), (message.Grade, message.WasListed, message.ClosedBy));
        var listedEvent = (await _bus.WaitForAsync<HiddenDangerListed>(m => m.DangerId == reported.Id)).Message;
        Assert.Equal(("金山区应急管理局", enterprise.Name), (listedEvent.SupervisingUnit, listedEvent.EnterpriseName));
    }

    [Fact]
    public async Task Two_racing_reviews_one_wins_the_other_is_a_409_never_a_500()
    {
        using var client = factory.CreateClient();
        var enterprise = await client.RegisterAsync();
        var danger = await client.ReportOkAsync(enterprise.Id);
        await client.PlanOkAsync(danger.Id);
        await client.RectifyOkAsync(danger.Id);

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            using var response = await client.StepAsync(danger.Id, "review", new ReviewHiddenDangerRequest(i % 2 == 0, "复查意见"));
            return response.StatusCode;
        }));

        Assert.Single(answers, s => s == HttpStatusCode.OK);
        Assert.All(answers, s => Assert.Contains(s, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var after = await client.DangerAsync(danger.Id);
        Assert.Single(after.History, s => s.Action is HiddenDangerAction.ReviewPassed or HiddenDangerAction.ReviewFailed);
    }
}
