using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

public sealed partial class IssueTests(WarningsFactory factory) : ServiceBusTests(factory), IClassFixture<WarningsFactory>
{
    protected override MessageRecorder Records(MessageRecorder recorder) => recorder.Record<WarningIssued>();

    [Fact]
    public async Task Issuing_publishes_version_one_with_a_national_style_cap_identifier_and_the_event()
    {
        var warning = await Client.IssueAsync(Typhoon());

        var current = warning.GetProperty("current");
        Assert.Equal("active", warning.Str("state"));
        Assert.Equal("Actual", warning.Str("status"));
        Assert.Equal(1, current.GetProperty("version").GetInt32());
        Assert.Equal("Alert", current.Str("msgType"));
        Assert.Matches(CapIdentifier(), current.Str("identifier"));
        Assert.Equal("橙色预警 (二级)", current.Str("levelZh"));
        var issued = await Bus.WaitForAsync<WarningIssued>(e => e.WarningId == warning.Id());
        Assert.Equal((WarningTypes.Typhoon, WarningLevel.Orange, 1, false), (issued.Message.Type, issued.Message.Level, issued.Message.Version, issued.Message.Exercise));
        Assert.Equal([Pudong, Jinshan, Fengxian, Chongming], issued.Message.Area.DistrictCodes);
        Assert.Equal(issued.Message.EventId, issued.MessageId);

        var cap = await Client.GetCapAsync(warning.Id());
        Assert.Equal(current.Str("identifier"), cap.Value("identifier"));
        Assert.Equal("Severe", cap.Value("severity"));
        Assert.Equal("Met", cap.Value("category"));
        Assert.Equal("台风预警", cap.Value("event"));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", cap.Value("sent"));
        Assert.Equal(["310115", "310116", "310120", "310151"], cap.Descendants(CapSchema.Cap + "geocode").Select(g => g.Elements().Last().Value));
        Assert.Contains(cap.Descendants(CapSchema.Cap + "parameter"), p => p.Elements().First().Value == "预警颜色" && p.Elements().Last().Value == "橙色");
        Assert.Contains(cap.Descendants(CapSchema.Cap + "parameter"), p => p.Elements().First().Value == "预警级别" && p.Elements().Last().Value == "二级");
        Assert.Equal("浦东新区、金山区、奉贤区、崇明区", cap.Value("areaDesc"));
        Assert.Empty(cap.Descendants(CapSchema.Cap + "references"));
    }

    [Theory]
    [InlineData("{\"type\":\"tsunami\"}", "type")]
    [InlineData("{\"level\":\"blue\",\"type\":\"heat\"}", "level")]
    [InlineData("{\"level\":\"purple\"}", "level")]
    [InlineData("{\"expires\":\"2020-01-01T00:00:00+08:00\"}", "expires")]
    [InlineData("{\"area\":{\"polygon\":\"31.2,121.5 31.3,121.6 31.2\"}}", "area.polygon")]
    [InlineData("{\"area\":{\"polygon\":\"31.2,121.5 31.3,121.6 31.25,121.7\"}}", "area.polygon")]
    [InlineData("{\"area\":{\"circle\":\"31.2,121.5\"}}", "area.circle")]
    [InlineData("{\"area\":{\"districtCodes\":[\"110101\"]}}", "area.districtCodes")]
    [InlineData("{\"area\":{}}", "area")]
    [InlineData("{\"headline\":\"\"}", "headline")]
    [InlineData("{\"status\":\"Test\"}", "status")]
    public async Task Invalid_input_is_a_problem_naming_the_field_and_stores_nothing(string overrides, string field)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Typhoon()))!.AsObject();
        foreach (var (key, value) in System.Text.Json.Nodes.JsonNode.Parse(overrides)!.AsObject())
        {
            body[key] = value?.DeepClone();
        }
        var before = (await Client.GetJsonAsync("/api/warnings?state=all")).GetProperty("count").GetInt32();
        using var response = await Client.PostAsJsonAsync("/api/warnings", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"no error for {field}: {problem}");
        Assert.NotEmpty(messages.EnumerateArray().First().GetString()!);
        var all = await Client.GetJsonAsync("/api/warnings?state=all");
        Assert.Equal(before, all.GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_red_warning_waits_as_a_draft_until_a_second_person_signs_it_off()
    {
        var draft = await Client.As("duty-officer.zhang").IssueAsync(Typhoon(level: "red"));
        var id = draft.Id();
        Assert.Equal("draft", draft.Str("state"));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, draft.GetProperty("current").GetProperty("identifier").ValueKind);
        using (var notYet = await Client.GetAsync(new Uri($"/api/warnings/{id}/cap", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.NotFound, notYet.StatusCode);
        }

        using (var self = await Client.PostAsJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true }))
        {
            Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
            Assert.Equal("Second person required", (await self.ProblemAsync()).Str("title"));
        }
        Assert.DoesNotContain(Bus.Received<WarningIssued>(), e => e.Message.WarningId == id);

        var signed = await Client.As("shift-leader.li").SendJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true, comment = "同意发布" });
        Assert.Equal("active", signed.Str("state"));
        Assert.Equal("shift-leader.li", signed.GetProperty("current").Str("signedOffBy"));
        Assert.Equal("duty-officer.zhang", signed.GetProperty("current").Str("author"));
        var issued = await Bus.WaitForAsync<WarningIssued>(e => e.WarningId == id);
        Assert.Equal(WarningLevel.Red, issued.Message.Level);
        Assert.Equal("Extreme", (await Client.GetCapAsync(id)).Value("severity"));
    }

    [Fact]
    public async Task A_rejected_draft_is_never_published()
    {
        var draft = await Client.As("duty-officer.zhang").IssueAsync(Typhoon(level: "red"));
        var rejected = await Client.As("shift-leader.li").SendJsonAsync($"/api/warnings/{draft.Id()}/sign-off", new { approve = false, comment = "证据不足" });
        Assert.Equal("rejected", rejected.Str("state"));
        using var update = await Client.PostAsJsonAsync($"/api/warnings/{draft.Id()}/updates", new { headline = "x" });
        Assert.Equal(HttpStatusCode.Conflict, update.StatusCode);
        var marker = await Client.IssueAsync(Typhoon(level: "yellow"));
        await Bus.WaitForAsync<WarningIssued>(e => e.WarningId == marker.Id());
        Assert.DoesNotContain(Bus.Received<WarningIssued>(), e => e.Message.WarningId == draft.Id());
    }

    [Fact]
    public async Task A_retried_issue_with_the_same_idempotency_key_publishes_once_and_answers_the_same()
    {
        var key = Guid.NewGuid().ToString();
        async Task<(HttpStatusCode, string)> SendAsync(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/warnings") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await Client.SendAsync(request);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        var body = Typhoon(level: "blue", districts: ["310109"]);

        var first = await SendAsync(body);
        var retry = await SendAsync(body);
        var other = await SendAsync(Typhoon(level: "yellow", districts: ["310109"]));

        Assert.Equal(HttpStatusCode.Created, first.Item1);
        Assert.Equal(first, retry);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.Item1);
        var list = await Client.GetJsonAsync("/api/warnings?district=310109");
        Assert.Equal(1, list.GetProperty("count").GetInt32());
        var id = System.Text.Json.JsonDocument.Parse(first.Item2).RootElement.Id();
        await Bus.WaitForAsync<WarningIssued>(e => e.WarningId == id);
        var marker = await Client.IssueAsync(Typhoon(level: "blue", districts: ["310105"]));
        await Bus.WaitForAsync<WarningIssued>(e => e.WarningId == marker.Id());
        Assert.Single(Bus.Received<WarningIssued>(), e => e.Message.WarningId == id);
    }

    [GeneratedRegex(@"^310000SHYJGLJ0_\d{14}_\d+$")]
    private static partial Regex CapIdentifier();
}
