using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>Acknowledgement (签收), disposition (处置反馈) and escalation (叫应) of overdue units; the deadline is 2 s here.</summary>
public sealed class ClosedLoopTests(WarningsFactory factory) : ServiceBusTests(factory), IClassFixture<WarningsFactory>
{
    protected override MessageRecorder Records(MessageRecorder recorder) => recorder.Record<WarningAcknowledgementOverdue>();

    private const string PudongBureau = "浦东新区应急管理局";
    private const string JinshanBureau = "金山区应急管理局";
    private const string ChemicalPark = "上海化学工业区管委会";

    [Fact]
    public async Task Units_acknowledge_then_report_and_the_centre_sees_who_has_not()
    {
        var id = (await Client.IssueAsync(Typhoon(units: [PudongBureau, JinshanBureau, ChemicalPark]))).Id();

        var ack = await Client.As("pudong.duty").SendJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = PudongBureau });
        var again = await Client.SendJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = PudongBureau });
        await Client.SendJsonAsync($"/api/warnings/{id}/dispositions", new { unit = PudongBureau, status = "inProgress", report = "已启动防台三级响应，转移沿海人员1200人" });
        await Client.SendJsonAsync($"/api/warnings/{id}/dispositions", new { unit = PudongBureau, status = "completed", report = "人员转移完毕，临时设施已加固" });
        await Client.SendJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = JinshanBureau });

        Assert.Equal(ack.Str("acknowledgedAt"), again.Str("acknowledgedAt"));
        Assert.Equal("pudong.duty", ack.Str("acknowledgedBy"));
        var responses = await Client.GetJsonAsync($"/api/warnings/{id}/responses");
        Assert.Equal((3, 2, 1), (responses.GetProperty("units").GetInt32(), responses.GetProperty("acknowledged").GetInt32(), responses.GetProperty("completed").GetInt32()));
        var byUnit = responses.GetProperty("responses").EnumerateArray().ToDictionary(r => r.Str("unit"));
        Assert.Equal(("completed", "人员转移完毕，临时设施已加固", 2), (byUnit[PudongBureau].Str("disposition"), byUnit[PudongBureau].Str("latestReport"), byUnit[PudongBureau].GetProperty("reports").GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, byUnit[ChemicalPark].GetProperty("acknowledgedAt").ValueKind);
    }

    [Fact]
    public async Task Reports_before_acknowledging_and_units_not_asked_are_refused()
    {
        var id = (await Client.IssueAsync(Typhoon(units: [PudongBureau]))).Id();

        using (var early = await Client.PostAsJsonAsync($"/api/warnings/{id}/dispositions", new { unit = PudongBureau, status = "completed", report = "完成" }))
        {
            Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
            Assert.Equal("Not acknowledged", (await early.ProblemAsync()).Str("title"));
        }
        using (var stranger = await Client.PostAsJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = "嘉定区应急管理局" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, stranger.StatusCode);
        }
        using (var missing = await Client.PostAsJsonAsync($"/api/warnings/{id}/dispositions", new { unit = PudongBureau, report = "完成" }))
        {
            Assert.True((await missing.ProblemAsync()).GetProperty("errors").TryGetProperty("status", out _));
        }
        using (var unknown = await Client.PostAsJsonAsync($"/api/warnings/{Guid.NewGuid()}/acknowledgements", new { unit = PudongBureau }))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        }
        var responses = await Client.GetJsonAsync($"/api/warnings/{id}/responses");
        Assert.Equal(0, responses.GetProperty("responses")[0].GetProperty("reports").GetInt32());
    }

    [Fact]
    public async Task A_unit_that_does_not_acknowledge_in_time_is_flagged_overdue_and_escalated_exactly_once()
    {
        var id = (await Client.IssueAsync(Typhoon(units: [PudongBureau, JinshanBureau]))).Id();
        await Client.SendJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = PudongBureau });

        var overdue = await Bus.WaitForAsync<WarningAcknowledgementOverdue>(e => e.WarningId == id);
        Assert.Equal((JinshanBureau, WarningLevel.Orange, 1), (overdue.Message.Unit, overdue.Message.Level, overdue.Message.Version));

        // Several more sweeps (every 200 ms) must not escalate again; the late acknowledgement keeps the flag.
        var late = await Client.SendJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = JinshanBureau });
        Assert.True(late.GetProperty("overdue").GetBoolean());
        var marker = (await Client.IssueAsync(Typhoon(units: ["奉贤区应急管理局"]))).Id();
        await Bus.WaitForAsync<WarningAcknowledgementOverdue>(e => e.WarningId == marker);
        Assert.Single(Bus.Received<WarningAcknowledgementOverdue>(), e => e.Message.WarningId == id);
        var responses = await Client.GetJsonAsync($"/api/warnings/{id}/responses");
        Assert.Equal(1, responses.GetProperty("overdue").GetInt32());
        var jinshan = responses.GetProperty("responses").EnumerateArray().Single(r => r.Str("unit") == JinshanBureau);
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, jinshan.GetProperty("escalatedAt").ValueKind);
    }

    [Fact]
    public async Task Units_of_an_ended_warning_are_not_escalated()
    {
        var id = (await Client.IssueAsync(Typhoon(units: [ChemicalPark]))).Id();
        await Client.SendJsonAsync($"/api/warnings/{id}/cancel", new { reason = "误发" });
        var marker = (await Client.IssueAsync(Typhoon(units: ["崇明区应急管理局"]))).Id();

        await Bus.WaitForAsync<WarningAcknowledgementOverdue>(e => e.WarningId == marker);

        Assert.DoesNotContain(Bus.Received<WarningAcknowledgementOverdue>(), e => e.Message.WarningId == id);
    }
}
