using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>Readings against thresholds. Each test uses its own indicator, so their stations never meet.</summary>
public sealed class MonitoringTests(WarningsFactory factory) : ServiceBusTests(factory), IClassFixture<WarningsFactory>
{
    protected override MessageRecorder Records(MessageRecorder recorder) => recorder.Record<WarningIssued>().Record<WarningUpdated>().Record<WarningEnded>();

    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow.AddHours(-3);

    // Hourly rainfall (mm): blue 30, yellow 50, orange 80, red 100 (red needs sign-off); a 10 mm band held 30 minutes.
    private async Task RainThresholdAsync(string indicator, bool autoDowngrade = false, int? blue = 30)
    {
        using var response = await Client.PutAsJsonAsync($"/api/warnings/thresholds/{indicator}", new
        {
            warningType = "rainstorm", unit = "mm", blue, yellow = 50, orange = 80, red = 100, hysteresis = 10, holdMinutes = 30,
            autoDowngrade, responsibleUnits = new[] { "浦东新区防汛办" },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<List<JsonElement>> PostAsync(string indicator, string station, params (int Minute, decimal Value)[] series)
    {
        var readings = series.Select(s => new { indicator, station, district = Pudong, value = s.Value, observedAt = T0.AddMinutes(s.Minute) });
        var outcomes = await Client.SendJsonAsync("/api/warnings/readings", new { readings });
        return [.. outcomes.EnumerateArray()];
    }

    [Fact]
    public async Task A_noisy_series_around_the_threshold_raises_one_warning_not_many()
    {
        await RainThresholdAsync("rain-noise", blue: null);

        var outcomes = await PostAsync("rain-noise", "PD-001", (0, 49), (5, 51), (10, 48), (15, 52), (20, 47), (25, 50.5m), (30, 49.5m), (35, 51));

        Assert.Equal(["none", "issued", "none", "none", "none", "none", "none", "none"], outcomes.Select(o => o.Str("action")));
        var warningId = outcomes[1].GetProperty("warningId").GetGuid();
        Assert.All(outcomes.Skip(1), o => Assert.Equal(warningId, o.GetProperty("warningId").GetGuid()));
        var warning = await Client.GetJsonAsync($"/api/warnings/{warningId}");
        Assert.Equal(("yellow", "monitoring", 1), (warning.Str("level"), warning.Str("origin"), warning.GetProperty("history").GetArrayLength()));
        Assert.Equal(["浦东新区防汛办"], warning.GetProperty("current").GetProperty("responsibleUnits").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal("Observed", (await Client.GetCapAsync(warningId)).Value("certainty"));
        var issued = await Bus.WaitForAsync<WarningIssued>(e => e.WarningId == warningId);
        Assert.Equal((WarningTypes.Rainstorm, WarningLevel.Yellow), (issued.Message.Type, issued.Message.Level));

        // The same breach posted again (a retried batch) duplicates nothing.
        var repeat = await PostAsync("rain-noise", "PD-001", (35, 51), (40, 52));
        Assert.Equal(["stale", "none"], repeat.Select(o => o.Str("action")));
        var list = await Client.GetJsonAsync($"/api/warnings?type=rainstorm&district={Pudong}");
        Assert.Single(list.GetProperty("data").EnumerateArray(), w => w.Id() == warningId);
    }

    [Fact]
    public async Task A_higher_breach_escalates_the_same_warning_and_red_is_only_suggested_then_signed_off()
    {
        await RainThresholdAsync("rain-escalate");

        var outcomes = await PostAsync("rain-escalate", "PD-002", (0, 35), (10, 85), (20, 120), (30, 125));

        Assert.Equal(["issued", "escalated", "suggested", "held"], outcomes.Select(o => o.Str("action")));
        var id = outcomes[0].GetProperty("warningId").GetGuid();
        var updated = await Bus.WaitForAsync<WarningUpdated>(e => e.WarningId == id);
        Assert.Equal((WarningLevel.Orange, WarningLevel.Blue), (updated.Message.Level, updated.Message.PreviousLevel));
        var suggestions = await Client.GetJsonAsync("/api/warnings/suggestions");
        var red = suggestions.EnumerateArray().Single(s => s.GetProperty("warningId").ValueKind != JsonValueKind.Null && s.GetProperty("warningId").GetGuid() == id);
        Assert.Equal(("issue", "red"), (red.Str("kind"), red.Str("level")));

        // Accepting it is one person's word: the escalation waits for a second person, as an update to red would.
        var accepted = await Client.SendJsonAsync($"/api/warnings/suggestions/{red.Id()}/accept", null);
        Assert.Equal("accepted", accepted.Str("state"));
        var warning = await Client.GetJsonAsync($"/api/warnings/{id}");
        Assert.Equal(("orange", "red", "developer"), (warning.Str("level"), warning.GetProperty("pendingUpdate").Str("level"), warning.GetProperty("pendingUpdate").Str("proposedBy")));
        using var twice = await Client.PostAsJsonAsync($"/api/warnings/suggestions/{red.Id()}/accept", new { });
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);

        using var leader = Factory.CreateClient().As("shift-leader.li");
        var signed = await leader.SendJsonAsync($"/api/warnings/{id}/sign-off", new { approve = true });
        Assert.Equal(("red", "escalate", "shift-leader.li"), (signed.Str("level"), signed.GetProperty("current").Str("kind"), signed.GetProperty("current").Str("signedOffBy")));
        var escalated = await Bus.WaitForAsync<WarningUpdated>(e => e.WarningId == id && e.Level == WarningLevel.Red);
        Assert.Equal(WarningLevel.Orange, escalated.Message.PreviousLevel);
    }

    [Fact]
    public async Task Only_a_value_clearly_below_for_the_hold_time_suggests_a_downgrade_and_then_a_lift_once_each()
    {
        await RainThresholdAsync("rain-hold");

        // Orange at 85; 75 is below 80 but inside the band (80 - 10 = 70), so it counts for nothing.
        var outcomes = await PostAsync("rain-hold", "PD-003", (0, 85), (10, 75), (20, 65), (35, 60), (50, 62), (55, 66), (60, 10), (80, 8), (95, 5), (100, 4));

        Assert.Equal(["issued", "none", "held", "held", "suggested", "held", "held", "held", "suggested", "held"], outcomes.Select(o => o.Str("action")));
        var id = outcomes[0].GetProperty("warningId").GetGuid();
        var suggestions = (await Client.GetJsonAsync("/api/warnings/suggestions")).EnumerateArray()
            .Where(s => s.GetProperty("warningId").ValueKind == JsonValueKind.String && s.GetProperty("warningId").GetGuid() == id).ToList();
        Assert.Equal([("downgrade", "yellow"), ("lift", (string?)null)],
            suggestions.OrderBy(s => s.Str("createdAt")).ThenBy(s => s.Str("kind")).Select(s => (s.Str("kind"), s.GetProperty("level").GetString())).OrderBy(x => x.Item1));
        Assert.Equal("orange", (await Client.GetJsonAsync($"/api/warnings/{id}")).Str("level"));
    }

    [Fact]
    public async Task With_auto_downgrade_the_system_downgrades_and_lifts_by_itself()
    {
        await RainThresholdAsync("rain-auto", autoDowngrade: true);

        var outcomes = await PostAsync("rain-auto", "PD-004", (0, 60), (10, 30), (40, 31), (50, 5), (85, 3), (90, 55));

        Assert.Equal(["issued", "held", "downgraded", "held", "lifted", "issued"], outcomes.Select(o => o.Str("action")));
        var first = outcomes[0].GetProperty("warningId").GetGuid();
        var second = outcomes[5].GetProperty("warningId").GetGuid();
        Assert.NotEqual(first, second);
        var down = await Bus.WaitForAsync<WarningUpdated>(e => e.WarningId == first);
        Assert.Equal((WarningLevel.Blue, WarningLevel.Yellow), (down.Message.Level, down.Message.PreviousLevel));
        Assert.Equal(WarningEndReason.Lifted, (await Bus.WaitForAsync<WarningEnded>(e => e.WarningId == first)).Message.Reason);
    }

    [Fact]
    public async Task The_downgrade_and_lift_text_says_how_long_the_value_actually_stayed_below()
    {
        await RainThresholdAsync("rain-long", autoDowngrade: true);

        // Below the band from minute 10; the next readings come 40 and 55 minutes later, well past the 30-minute hold.
        var down = await PostAsync("rain-long", "PD-005", (0, 60), (10, 30), (50, 25));
        var lift = await PostAsync("rain-long", "PD-006", (0, 60), (10, 30), (65, 5));

        Assert.Equal(["issued", "held", "downgraded"], down.Select(o => o.Str("action")));
        Assert.Equal(["issued", "held", "lifted"], lift.Select(o => o.Str("action")));
        var downgraded = (await Client.GetJsonAsync($"/api/warnings/{down[0].GetProperty("warningId").GetGuid()}")).GetProperty("current");
        var lifted = (await Client.GetJsonAsync($"/api/warnings/{lift[0].GetProperty("warningId").GetGuid()}")).GetProperty("current");
        Assert.Equal(("downgrade", "blue"), (downgraded.Str("kind"), downgraded.Str("level")));
        Assert.EndsWith("已持续低于阈值40分钟。", downgraded.Str("description"));
        Assert.Equal("lift", lifted.Str("kind"));
        Assert.EndsWith("已持续低于阈值55分钟。", lifted.Str("description"));
    }

    [Fact]
    public async Task Readings_and_thresholds_with_bad_fields_are_refused_and_change_nothing()
    {
        await RainThresholdAsync("rain-bad");
        using (var bad = await Client.PostAsJsonAsync("/api/warnings/readings", new { readings = new object[]
        {
            new { indicator = "rain-bad", station = "PD-9", district = Pudong, value = 200, observedAt = T0 },
            new { indicator = "wind", station = "PD-9", district = "999999", value = 1, observedAt = T0 },
        } }))
        {
            var errors = (await bad.ProblemAsync()).GetProperty("errors");
            Assert.True(errors.TryGetProperty("readings[1].indicator", out _) && errors.TryGetProperty("readings[1].district", out _));
        }
        var after = await PostAsync("rain-bad", "PD-9", (1, 1));
        Assert.Equal("none", after[0].Str("action"));

        using var descending = await Client.PutAsJsonAsync("/api/warnings/thresholds/heat-x", new { warningType = "heat", unit = "°C", blue = 30, yellow = 35, orange = 33 });
        var problem = (await descending.ProblemAsync()).GetProperty("errors");
        Assert.True(problem.TryGetProperty("blue", out _), "heat has no blue level");
        Assert.True(problem.TryGetProperty("orange", out _), "orange must be above yellow");
        var thresholds = await Client.GetJsonAsync("/api/warnings/thresholds");
        Assert.DoesNotContain(thresholds.EnumerateArray(), t => t.Str("indicator") == "heat-x");
    }
}
