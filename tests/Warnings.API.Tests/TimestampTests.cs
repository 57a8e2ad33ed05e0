using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>
/// Every time in a JSON answer names its offset. SQLite hands DateTime values back without a kind, and a
/// DateTime of unspecified kind is written without one: a client would read it in its own zone, eight hours off.
/// </summary>
public sealed partial class TimestampTests(WarningsFactory factory) : ServiceBusTests(factory), IClassFixture<WarningsFactory>
{
    // An ISO 8601 date-time; what follows the seconds decides whether it names its zone.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(?<zone>Z|[+-]\d{2}:\d{2})?$")]
    private static partial Regex DateTime();

    private static IEnumerable<(string Path, string Value)> Strings(JsonElement e, string path) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Strings(p.Value, $"{path}.{p.Name}")),
        JsonValueKind.Array => e.EnumerateArray().SelectMany((x, i) => Strings(x, $"{path}[{i}]")),
        JsonValueKind.String => [(path, e.GetString()!)],
        _ => [],
    };

    [Fact]
    public async Task Every_time_in_the_main_answers_carries_the_China_offset()
    {
        // A warning with every kind of time: acknowledged, reported on, overdue, and a red escalation awaiting sign-off.
        var id = (await Client.IssueAsync(Typhoon(units: ["浦东新区应急管理局", "金山区应急管理局"]))).Id();
        await Client.SendJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit = "浦东新区应急管理局" });
        await Client.SendJsonAsync($"/api/warnings/{id}/dispositions", new { unit = "浦东新区应急管理局", status = "inProgress", report = "已启动响应" });
        await Client.SendJsonAsync($"/api/warnings/{id}/updates", new { level = "red" }, HttpStatusCode.Accepted);
        using (var threshold = await Client.PutAsJsonAsync("/api/warnings/thresholds/rain-time", new
        {
            warningType = "rainstorm", unit = "mm", blue = 30, yellow = 50, hysteresis = 5, holdMinutes = 0, responsibleUnits = new[] { "浦东新区防汛办" },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, threshold.StatusCode);
        }
        var at = DateTimeOffset.UtcNow.AddMinutes(-10);
        await Client.SendJsonAsync("/api/warnings/readings", new
        {
            readings = new[] { (0, 60m), (1, 1m) }
                .Select(r => new { indicator = "rain-time", station = "PD-900", district = Pudong, value = r.Item2, observedAt = at.AddMinutes(r.Item1) }),
        });
        var enterprise = Guid.NewGuid();
        await ClassifyAsync(enterprise, MajorHazardLevel.Level2);
        await Eventually.TrueAsync(async () => (await Client.GetJsonAsync($"/api/warnings/{id}/responses")).GetProperty("overdue").GetInt32() == 1,
            "the unit that did not acknowledge escalated");

        string[] urls =
        [
            $"/api/warnings/{id}", "/api/warnings?state=all", $"/api/warnings/{id}/responses", "/api/warnings/suggestions?all=true",
            "/api/warnings/thresholds", "/api/warnings/active", "/api/warnings/hazard-sites",
        ];
        var times = new List<(string Path, string Value)>();
        foreach (var url in urls)
        {
            times.AddRange(Strings(await Client.GetJsonAsync(url), url).Where(s => DateTime().IsMatch(s.Value)));
        }

        // Each answer above but the thresholds (which have none) has times; a walk that found none would prove nothing.
        Assert.All(urls.Where(u => u != "/api/warnings/thresholds"), url => Assert.Contains(times, t => t.Path.StartsWith(url + ".", StringComparison.Ordinal) || t.Path.StartsWith(url + "[", StringComparison.Ordinal)));
        Assert.DoesNotContain(times, t => !DateTime().Match(t.Value).Groups["zone"].Success);
        Assert.All(times, t => Assert.EndsWith("+08:00", t.Value));
    }
}
