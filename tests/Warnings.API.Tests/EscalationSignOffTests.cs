using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>
/// Raising an active warning to a level that needs sign-off (red by default) is held, like issuing at that level, until
/// a second person signs it off; meanwhile the warning stays published at its level and nothing about the escalation
/// goes out. The two people are told apart by the development scheme's <c>X-Development-User</c>.
/// </summary>
public sealed class EscalationSignOffTests(WarningsFactory factory) : IClassFixture<WarningsFactory>, IAsyncLifetime
{
    private const string Proposer = "duty-officer.zhang";
    private const string Signer = "shift-leader.li";
    private HttpClient _zhang = null!;
    private HttpClient _li = null!;
    private MessageRecorder _bus = null!;

    public async Task InitializeAsync()
    {
        _zhang = factory.CreateClient().As(Proposer);
        _li = factory.CreateClient().As(Signer);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<WarningIssued>().Record<WarningUpdated>().Record<WarningEnded>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _zhang.Dispose();
        _li.Dispose();
    }

    [Fact]
    public async Task Orange_to_red_waits_for_a_second_person_then_publishes_as_a_cap_update_with_the_events()
    {
        var issued = await _zhang.IssueAsync(Typhoon(level: "orange", districts: [Pudong, Jinshan]));
        var id = issued.Id();
        var v1 = issued.GetProperty("current").Str("identifier");

        // Proposed: 202, the warning stays orange and active at version 1, the red version waits.
        using var proposal = await _zhang.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level = "red", headline = "上海市台风红色预警", note = "台风加强北上" });
        var proposed = await BodyAsync(proposal, HttpStatusCode.Accepted);
        Assert.Equal($"/api/warnings/{id}", proposal.Headers.Location?.OriginalString);
        foreach (var warning in new[] { proposed, await _li.GetJsonAsync($"/api/warnings/{id}") })
        {
            Assert.Equal(("active", "orange", 1, 1), (warning.Str("state"), warning.Str("level"), warning.GetProperty("current").GetProperty("version").GetInt32(),
                warning.GetProperty("history").GetArrayLength()));
            Assert.Equal(v1, warning.GetProperty("current").Str("identifier"));
            var pending = warning.GetProperty("pendingUpdate");
            Assert.Equal(("red", Proposer, 1), (pending.Str("level"), pending.Str("proposedBy"), pending.GetProperty("proposedOnVersion").GetInt32()));
            var version = pending.GetProperty("version");
            Assert.Equal((2, "escalate", "Update", "红色预警 (一级)", "上海市台风红色预警", Proposer, "台风加强北上"),
                (version.GetProperty("version").GetInt32(), version.Str("kind"), version.Str("msgType"), version.Str("levelZh"), version.Str("headline"), version.Str("author"), version.Str("note")));
            Assert.Equal((JsonValueKind.Null, JsonValueKind.Null, JsonValueKind.Null),
                (version.GetProperty("identifier").ValueKind, version.GetProperty("sent").ValueKind, version.GetProperty("signedOffBy").ValueKind));
            Assert.Equal([v1], version.GetProperty("references").EnumerateArray().Select(r => r.GetString()));
        }
        var listed = (await _li.GetJsonAsync($"/api/warnings?district={Jinshan}&pageSize=200")).GetProperty("data").EnumerateArray().Single(w => w.Id() == id);
        Assert.Equal(("orange", "red"), (listed.Str("level"), listed.Str("pendingLevel")));
        var cap = await _li.GetCapAsync(id);
        Assert.Equal(("Alert", "Severe", v1), (cap.Value("msgType"), cap.Value("severity"), cap.Value("identifier")));
        await NoVersionCapAsync(id, 2);

        // The proposer cannot sign it off, whichever way.
        foreach (var approve in new[] { true, false })
        {
            using var self = await _zhang.PostAsJsonAsync($"/api/warnings/{id}/sign-off", new { approve });
            Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);
            var problem = await self.ProblemAsync();
            Assert.Equal("Second person required", problem.Str("title"));
            Assert.Contains(Proposer, problem.Str("detail"), StringComparison.Ordinal);
        }
        // While it waits, the level moves no further, either way; the refusal names the field.
        foreach (var level in new[] { "red", "yellow" })
        {
            using var again = await _li.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level });
            var problem = await again.FieldProblemAsync("level", HttpStatusCode.Conflict);
            Assert.Equal("Escalation awaiting sign-off", problem.Str("title"));
        }

        // An update that does not raise the level publishes at once, as always; the escalation keeps waiting on top of it.
        var later = DateTimeOffset.UtcNow.AddHours(30);
        var extended = await _li.SendJsonAsync($"/api/warnings/{id}/updates", new { expires = later });
        Assert.Equal(("orange", 2, "extend"), (extended.Str("level"), extended.GetProperty("current").GetProperty("version").GetInt32(), extended.GetProperty("current").Str("kind")));
        Assert.Equal(3, extended.GetProperty("pendingUpdate").GetProperty("version").GetProperty("version").GetInt32());
        var extend = await _bus.WaitForAsync<WarningUpdated>(e => e.WarningId == id && e.Version == 2);
        Assert.Equal((WarningLevel.Orange, WarningLevel.Orange), (extend.Message.Level, extend.Message.PreviousLevel));
        // Events go out in commit order: the extension arrived, so an event for the escalation would have too.
        Assert.Single(_bus.Received<WarningUpdated>(), e => e.Message.WarningId == id);
        Assert.Equal([("warning.issued", 1L), ("warning.updated", 2L)], await FeedAsync(id));

        // A second person signs it off: red, published as version 3 on top of the extension, with the event and CAP.
        var signed = await _li.SendJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true, comment = "同意升级" });
        Assert.Equal(("active", "red", JsonValueKind.Null), (signed.Str("state"), signed.Str("level"), signed.GetProperty("pendingUpdate").ValueKind));
        var current = signed.GetProperty("current");
        Assert.Equal((3, "escalate", "Update", Signer, Proposer, "上海市台风红色预警"),
            (current.GetProperty("version").GetInt32(), current.Str("kind"), current.Str("msgType"), current.Str("signedOffBy"), current.Str("author"), current.Str("headline")));
        Assert.Equal(later.ToUnixTimeSeconds(), current.GetProperty("expires").GetDateTimeOffset().ToUnixTimeSeconds());
        var identifiers = signed.GetProperty("history").EnumerateArray().Select(v => v.Str("identifier")).ToList();
        Assert.Equal(identifiers[..2], current.GetProperty("references").EnumerateArray().Select(r => r.GetString()));
        var up = await _bus.WaitForAsync<WarningUpdated>(e => e.WarningId == id && e.Version == 3);
        Assert.Equal((WarningLevel.Red, WarningLevel.Orange, "上海市台风红色预警"), (up.Message.Level, up.Message.PreviousLevel, up.Message.Headline));
        Assert.Equal([Pudong, Jinshan], up.Message.Area.DistrictCodes);
        Assert.Equal([("warning.issued", 1L), ("warning.updated", 2L), ("warning.updated", 3L)], await FeedAsync(id));

        var red = await _li.GetCapAsync(id);
        Assert.Equal(("Update", "Extreme", identifiers[2]), (red.Value("msgType"), red.Value("severity"), red.Value("identifier")));
        var previous = await _li.GetCapAsync(id, 2);
        Assert.Contains($"yjglj.sh.gov.cn,{identifiers[1]},{previous.Value("sent")}", red.Value("references").Split(' '));
        Assert.Equal(2, red.Value("references").Split(' ').Length);

        // Nothing is left to sign off.
        using var twice = await _li.PostAsJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal("Nothing to sign off", (await twice.ProblemAsync()).Str("title"));
    }

    [Fact]
    public async Task An_escalation_below_the_sign_off_levels_publishes_at_once()
    {
        var id = (await _zhang.IssueAsync(Typhoon(level: "yellow", districts: [Fengxian]))).Id();

        var escalated = await _zhang.SendJsonAsync($"/api/warnings/{id}/updates", new { level = "orange" });

        Assert.Equal(("orange", "escalate", JsonValueKind.Null), (escalated.Str("level"), escalated.GetProperty("current").Str("kind"), escalated.GetProperty("pendingUpdate").ValueKind));
        Assert.Equal(JsonValueKind.Null, escalated.GetProperty("current").GetProperty("signedOffBy").ValueKind);
        var up = await _bus.WaitForAsync<WarningUpdated>(e => e.WarningId == id && e.Version == 2);
        Assert.Equal((WarningLevel.Orange, WarningLevel.Yellow), (up.Message.Level, up.Message.PreviousLevel));
        Assert.Equal("Severe", (await _zhang.GetCapAsync(id)).Value("severity"));
    }

    [Fact]
    public async Task A_rejected_escalation_is_never_published_and_a_lift_withdraws_the_next_one()
    {
        var id = (await _zhang.IssueAsync(Typhoon(level: "orange", districts: [Chongming]))).Id();
        await _zhang.SendJsonAsync($"/api/warnings/{id}/updates", new { level = "red" }, HttpStatusCode.Accepted);

        var rejected = await _li.SendJsonAsync($"/api/warnings/{id}/sign-off", new { approve = false, comment = "证据不足" });
        Assert.Equal(("active", "orange", 1, JsonValueKind.Null),
            (rejected.Str("state"), rejected.Str("level"), rejected.GetProperty("history").GetArrayLength(), rejected.GetProperty("pendingUpdate").ValueKind));

        // Rejected, it no longer blocks: the next proposal waits in its turn, and lifting the warning withdraws it.
        var again = await _zhang.SendJsonAsync($"/api/warnings/{id}/updates", new { level = "red", note = "再次提请升级" }, HttpStatusCode.Accepted);
        Assert.Equal("再次提请升级", again.GetProperty("pendingUpdate").GetProperty("version").Str("note"));
        var lifted = await _zhang.SendJsonAsync($"/api/warnings/{id}/lift", new { reason = "台风已转向" });
        Assert.Equal(("ended", "lifted", "orange", JsonValueKind.Null),
            (lifted.Str("state"), lifted.Str("endReason"), lifted.Str("level"), lifted.GetProperty("pendingUpdate").ValueKind));
        using (var late = await _li.PostAsJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true }))
        {
            Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
            Assert.Equal("Nothing to sign off", (await late.ProblemAsync()).Str("title"));
        }

        var ended = await _bus.WaitForAsync<WarningEnded>(e => e.WarningId == id);
        Assert.Equal((WarningEndReason.Lifted, 2), (ended.Message.Reason, ended.Message.Version));
        Assert.DoesNotContain(_bus.Received<WarningUpdated>(), e => e.Message.WarningId == id);
        Assert.Equal([("warning.issued", 1L), ("warning.lifted", 2L)], await FeedAsync(id));
        // Both stay on record with who decided.
        Assert.Equal([("Rejected", Signer), ("Withdrawn", Proposer)], await DecisionsAsync(id));
    }

    [Fact]
    public async Task A_warning_that_expires_first_withdraws_its_escalation()
    {
        var id = (await _zhang.IssueAsync(Typhoon(level: "orange", districts: [Pudong], expires: DateTimeOffset.UtcNow.AddSeconds(3)))).Id();
        await _zhang.SendJsonAsync($"/api/warnings/{id}/updates", new { level = "red" }, HttpStatusCode.Accepted);

        var ended = await _bus.WaitForAsync<WarningEnded>(e => e.WarningId == id);

        Assert.Equal(WarningEndReason.Expired, ended.Message.Reason);
        var warning = await _li.GetJsonAsync($"/api/warnings/{id}");
        Assert.Equal(("ended", "orange", JsonValueKind.Null), (warning.Str("state"), warning.Str("level"), warning.GetProperty("pendingUpdate").ValueKind));
        Assert.Equal([("Withdrawn", "system")], await DecisionsAsync(id));
        Assert.DoesNotContain(_bus.Received<WarningUpdated>(), e => e.Message.WarningId == id);
    }

    [Fact]
    public async Task Escalations_racing_on_one_warning_leave_one_waiting_and_the_rest_refused_with_a_409()
    {
        var id = (await _zhang.IssueAsync(Typhoon(level: "orange", districts: [Fengxian, Jinshan]))).Id();
        using var start = new SemaphoreSlim(0);

        var proposals = Enumerable.Range(1, 6).Select(async i =>
        {
            using var client = factory.CreateClient().As($"duty-officer.{i}");
            await start.WaitAsync();
            using var response = await client.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level = "red", note = $"第{i}席提请升级" });
            return (response.StatusCode, Type: response.Content.Headers.ContentType?.MediaType, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(proposals.Count);
        var answers = await Task.WhenAll(proposals);

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Accepted);
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Accepted), a =>
        {
            Assert.True(a.StatusCode == HttpStatusCode.Conflict, $"{a.StatusCode}: {a.Body}");
            Assert.Equal("application/problem+json", a.Type);
        });
        var warning = await _li.GetJsonAsync($"/api/warnings/{id}");
        var winner = JsonDocument.Parse(answers.Single(a => a.StatusCode == HttpStatusCode.Accepted).Body).RootElement.GetProperty("pendingUpdate").Str("proposedBy");
        Assert.Equal(("orange", winner), (warning.Str("level"), warning.GetProperty("pendingUpdate").Str("proposedBy")));
        Assert.Single(await factory.QueryAsync("SELECT Id FROM PendingUpdates WHERE upper(WarningId) = $id", ("$id", ServiceDatabase.Key(id))));
    }

    private static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private async Task NoVersionCapAsync(Guid id, int version)
    {
        using var response = await _li.GetAsync(new Uri($"/api/warnings/{id}/versions/{version}/cap", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The live feed's entries for one warning, as the SSE stream would send them.</summary>
    private async Task<List<(string, long)>> FeedAsync(Guid id) =>
        [.. (await factory.QueryAsync("SELECT EventType, Version FROM FeedEntries WHERE upper(WarningId) = $id ORDER BY Sequence", ("$id", ServiceDatabase.Key(id))))
            .Select(r => ((string)r[0]!, Convert.ToInt64(r[1], System.Globalization.CultureInfo.InvariantCulture)))];

    private async Task<List<(string, string)>> DecisionsAsync(Guid id) =>
        [.. (await factory.QueryAsync("SELECT Outcome, DecidedBy FROM PendingUpdates WHERE upper(WarningId) = $id ORDER BY Id", ("$id", ServiceDatabase.Key(id))))
            .Select(r => ((string)r[0]!, (string)r[1]!))];
}
