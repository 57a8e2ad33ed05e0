using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Warnings.API.Infrastructure;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

public sealed class LifeCycleTests(WarningsFactory factory) : ServiceBusTests(factory), IClassFixture<WarningsFactory>
{
    protected override MessageRecorder Records(MessageRecorder recorder) => recorder.Record<WarningUpdated>().Record<WarningEnded>();

    [Fact]
    public async Task Escalate_extend_and_lift_are_new_versions_that_reference_every_earlier_one()
    {
        var issued = await Client.IssueAsync(Typhoon(level: "yellow"));
        var id = issued.Id();
        var later = DateTimeOffset.UtcNow.AddHours(30);

        var escalated = await Client.SendJsonAsync($"/api/warnings/{id}/updates", new { level = "orange", headline = "上海市台风橙色预警", note = "台风路径北移" });
        var extended = await Client.SendJsonAsync($"/api/warnings/{id}/updates", new { expires = later });
        var lifted = await Client.SendJsonAsync($"/api/warnings/{id}/lift", new { reason = "台风已减弱北上" });

        Assert.Equal(["issue", "escalate", "extend", "lift"], lifted.GetProperty("history").EnumerateArray().Select(v => v.Str("kind")));
        Assert.Equal(("ended", "lifted"), (lifted.Str("state"), lifted.Str("endReason")));
        var identifiers = lifted.GetProperty("history").EnumerateArray().Select(v => v.Str("identifier")).ToList();
        Assert.Equal(4, identifiers.Distinct().Count());
        Assert.Equal(identifiers[..3], lifted.GetProperty("current").GetProperty("references").EnumerateArray().Select(r => r.GetString()));

        // The first version is unchanged by what came after.
        var first = await Client.GetCapAsync(id, 1);
        Assert.Equal(("Alert", "Moderate", identifiers[0]), (first.Value("msgType"), first.Value("severity"), first.Value("identifier")));
        var second = await Client.GetCapAsync(id, 2);
        Assert.Equal(("Update", "Severe"), (second.Value("msgType"), second.Value("severity")));
        Assert.Equal($"yjglj.sh.gov.cn,{identifiers[0]},{first.Value("sent")}", second.Value("references"));
        var third = await Client.GetCapAsync(id, 3);
        Assert.Equal(later.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture), third.Value("expires"));
        var last = await Client.GetCapAsync(id);
        Assert.Equal(("Update", "AllClear", identifiers[3]), (last.Value("msgType"), last.Value("responseType"), last.Value("identifier")));
        Assert.Equal(3, last.Value("references").Split(' ').Length);

        var up = await Bus.WaitForAsync<WarningUpdated>(e => e.WarningId == id && e.Version == 2);
        Assert.Equal((WarningLevel.Orange, WarningLevel.Yellow), (up.Message.Level, up.Message.PreviousLevel));
        var ended = await Bus.WaitForAsync<WarningEnded>(e => e.WarningId == id);
        Assert.Equal((WarningEndReason.Lifted, 4), (ended.Message.Reason, ended.Message.Version));

        using var afterLift = await Client.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level = "red" });
        Assert.Equal(HttpStatusCode.Conflict, afterLift.StatusCode);
        Assert.Equal("Warning ended", (await afterLift.ProblemAsync()).Str("title"));
    }

    [Fact]
    public async Task An_update_that_changes_nothing_or_breaks_a_rule_is_refused_and_adds_no_version()
    {
        var id = (await Client.IssueAsync(Typhoon())).Id();

        using (var same = await Client.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level = "orange" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        }
        using (var expired = await Client.PostAsJsonAsync($"/api/warnings/{id}/updates", new { expires = DateTimeOffset.UtcNow.AddHours(-1) }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, expired.StatusCode);
            Assert.True((await expired.ProblemAsync()).GetProperty("errors").TryGetProperty("expires", out _));
        }
        using (var polygon = await Client.PostAsJsonAsync($"/api/warnings/{id}/updates", new { area = new { polygon = "31,121 32,122" } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, polygon.StatusCode);
        }
        var warning = await Client.GetJsonAsync($"/api/warnings/{id}");
        Assert.Equal(1, warning.GetProperty("current").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_downgrade_and_an_area_change_carry_the_polygon_as_cap_wants_it()
    {
        var id = (await Client.IssueAsync(Typhoon(level: "orange"))).Id();
        const string polygon = "30.70,121.20 30.90,121.20 30.90,121.60 30.70,121.60 30.70,121.20";

        var down = await Client.SendJsonAsync($"/api/warnings/{id}/updates", new { level = "blue", area = new { districtCodes = new[] { Jinshan }, polygon } });

        Assert.Equal("downgrade", down.GetProperty("current").Str("kind"));
        var cap = await Client.GetCapAsync(id);
        Assert.Equal(("Minor", "Monitor"), (cap.Value("severity"), cap.Value("responseType")));
        Assert.Equal("30.7,121.2 30.9,121.2 30.9,121.6 30.7,121.6 30.7,121.2", cap.Value("polygon"));
        Assert.Equal("金山区", cap.Value("areaDesc"));
        var updated = await Bus.WaitForAsync<WarningUpdated>(e => e.WarningId == id);
        Assert.Equal((WarningLevel.Blue, WarningLevel.Orange), (updated.Message.Level, updated.Message.PreviousLevel));
        Assert.NotNull(updated.Message.Area.Polygon);
    }

    [Fact]
    public async Task Cancelling_a_warning_issued_in_error_is_a_cap_cancel()
    {
        var id = (await Client.IssueAsync(Typhoon(level: "blue", districts: [Pudong]))).Id();

        using (var noReason = await Client.PostAsJsonAsync($"/api/warnings/{id}/cancel", new { }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        }
        var cancelled = await Client.SendJsonAsync($"/api/warnings/{id}/cancel", new { reason = "误发" });

        Assert.Equal("cancelled", cancelled.Str("endReason"));
        var cap = await Client.GetCapAsync(id);
        Assert.Equal("Cancel", cap.Value("msgType"));
        Assert.Single(cap.Value("references").Split(' '));
        Assert.Equal(WarningEndReason.Cancelled, (await Bus.WaitForAsync<WarningEnded>(e => e.WarningId == id)).Message.Reason);
    }

    [Fact]
    public async Task A_warning_past_its_expiry_ends_by_itself_and_says_so()
    {
        var id = (await Client.IssueAsync(Typhoon(level: "blue", districts: [Chongming], expires: DateTimeOffset.UtcNow.AddSeconds(2)))).Id();

        var ended = await Bus.WaitForAsync<WarningEnded>(e => e.WarningId == id);

        Assert.Equal((WarningEndReason.Expired, 2), (ended.Message.Reason, ended.Message.Version));
        var warning = await Client.GetJsonAsync($"/api/warnings/{id}");
        Assert.Equal(("ended", "expired", "expire"), (warning.Str("state"), warning.Str("endReason"), warning.GetProperty("current").Str("kind")));
        Assert.Contains("到期", warning.GetProperty("current").Str("description"), StringComparison.Ordinal);
        var cap = await Client.GetCapAsync(id);
        Assert.Equal(("Update", "AllClear", "Past"), (cap.Value("msgType"), cap.Value("responseType"), cap.Value("urgency")));
        // Expired exactly once, however many sweeps ran since.
        await Eventually.TrueAsync(() => Bus.Received<WarningEnded>().Count(e => e.Message.WarningId == id) == 1, "one end event");
        Assert.Equal(2, (await Client.GetJsonAsync($"/api/warnings/{id}")).GetProperty("history").GetArrayLength());
    }

    // Replicas sweep the same table: sweeps that found the warning due together must still end it once.
    [Fact]
    public async Task Sweeps_racing_on_one_due_warning_expire_it_once()
    {
        var id = (await Client.IssueAsync(Typhoon(level: "blue", districts: [Chongming], expires: DateTimeOffset.UtcNow.AddSeconds(1)))).Id();
        var sweeper = Factory.Services.GetRequiredService<WarningSweeper>();

        await Eventually.TrueAsync(async () =>
        {
            await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => sweeper.SweepAsync(CancellationToken.None))));
            return (await Client.GetJsonAsync($"/api/warnings/{id}")).Str("state") == "ended";
        }, "the warning to expire");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => sweeper.SweepAsync(CancellationToken.None))));
        Assert.Equal(2, (await Client.GetJsonAsync($"/api/warnings/{id}")).GetProperty("history").GetArrayLength());
        await Bus.WaitForAsync<WarningEnded>(e => e.WarningId == id);
        var later = (await Client.IssueAsync(Typhoon(level: "blue", districts: [Chongming], expires: DateTimeOffset.UtcNow.AddSeconds(1)))).Id();
        await Bus.WaitForAsync<WarningEnded>(e => e.WarningId == later);
        Assert.Single(Bus.Received<WarningEnded>(), e => e.Message.WarningId == id);
    }

    [Fact]
    public async Task The_atom_index_lists_active_real_alerts_with_links_to_their_cap_documents()
    {
        var active = (await Client.IssueAsync(Typhoon(level: "orange", districts: [Fengxian]))).Id();
        var lifted = (await Client.IssueAsync(Typhoon(level: "blue", districts: [Fengxian]))).Id();
        await Client.SendJsonAsync($"/api/warnings/{lifted}/lift", new { reason = "解除" });
        var drill = (await Client.IssueAsync(Typhoon(level: "blue", districts: [Fengxian], status: "Exercise"))).Id();

        using var response = await Client.GetAsync(new Uri("/api/warnings/cap.atom", UriKind.Relative));

        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var xml = await response.Content.ReadAsStringAsync();
        Assert.True(xml.Length < 100_000);
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var entries = System.Xml.Linq.XDocument.Parse(xml).Descendants(atom + "entry").ToList();
        var links = entries.Select(e => e.Element(atom + "link")!.Attribute("href")!.Value).ToList();
        Assert.Contains($"http://localhost:5080/api/warnings/{active}/cap", links);
        Assert.DoesNotContain($"http://localhost:5080/api/warnings/{lifted}/cap", links);
        Assert.DoesNotContain($"http://localhost:5080/api/warnings/{drill}/cap", links);
        var entry = entries.Single(e => e.Element(atom + "link")!.Attribute("href")!.Value.Contains(active.ToString(), StringComparison.Ordinal));
        Assert.Equal("上海市台风橙色预警", entry.Element(atom + "title")!.Value);
        Assert.Contains("Severe", entry.Element(atom + "summary")!.Value, StringComparison.Ordinal);
        var cap = await Client.GetCapAsync(active);
        Assert.Equal($"urn:cap:{cap.Value("identifier")}", entry.Element(atom + "id")!.Value);
    }
}
