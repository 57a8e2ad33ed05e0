using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>
/// A row stored by an earlier build (control characters, a date at the end of the calendar, a band below zero, an
/// infinite coordinate), planted in each table that feeds a list: every read of it still answers completely.
/// </summary>
public sealed partial class InputRulesTests
{
    private const string Bad = "'a' || char(1) || 'b' || char(0) || 'c'";

    [Fact]
    public async Task A_version_stored_with_control_characters_is_still_served_as_valid_cap_and_atom()
    {
        var id = (await _client.IssueAsync(Typhoon(districts: [Chongming]))).Id();
        await _client.SendJsonAsync($"/api/warnings/{id}/updates", new { headline = "上海市台风橙色预警（更新）" });
        await PlantAsync($"""
            UPDATE WarningVersions SET Headline = {Bad}, Description = '受台风影响' || char(0) || char(27) || '[31m',
                Instruction = char(11) || '撤离', Note = char(2) WHERE upper(WarningId) = $id
            """, id);
        Assert.Contains('\0', await ReadAsync("SELECT Description FROM WarningVersions WHERE upper(WarningId) = $id AND Number = 1", id));

        foreach (var version in new int?[] { null, 1, 2 })
        {
            var cap = await _client.GetCapAsync(id, version);
            Assert.Equal("a\uFFFDb\uFFFDc", cap.Value("headline"));
            Assert.Equal("受台风影响\uFFFD\uFFFD[31m", cap.Value("description"));
        }
        using var atom = await _client.GetAsync(new Uri("/api/warnings/cap.atom", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, atom.StatusCode);
        var feed = XDocument.Parse(await atom.Content.ReadAsStringAsync());
        XNamespace ns = "http://www.w3.org/2005/Atom";
        Assert.Contains(feed.Descendants(ns + "entry"), e => e.Element(ns + "title")?.Value == "a\uFFFDb\uFFFDc");
        var warning = await _client.GetJsonAsync($"/api/warnings/{id}");
        Assert.Equal("a\u0001b\0c", warning.GetProperty("current").Str("headline"));
    }

    [Fact]
    public async Task A_warning_stored_with_control_characters_and_the_last_date_of_the_calendar_still_lists()
    {
        var id = (await _client.IssueAsync(Typhoon(districts: [Fengxian]))).Id();
        await PlantAsync($"UPDATE Warnings SET Headline = {Bad}, Expires = '9999-12-31 23:59:59' WHERE upper(Id) = $id", id);
        await PlantAsync($"UPDATE WarningVersions SET Headline = {Bad}, Expires = '9999-12-31 23:59:59', Onset = '0001-01-01 00:00:00' WHERE upper(WarningId) = $id", id);

        foreach (var url in new[] { "/api/warnings?state=all&pageSize=200", $"/api/warnings?district={Fengxian}&type=typhoon&level=orange" })
        {
            var row = (await _client.GetJsonAsync(url)).GetProperty("data").EnumerateArray().Single(w => w.Id() == id);
            Assert.Equal("a\u0001b\0c", row.Str("headline"));
            Assert.StartsWith("9999-12-31T23:59:59", row.Str("expires"), StringComparison.Ordinal);
        }
        var warning = await _client.GetJsonAsync($"/api/warnings/{id}");
        Assert.StartsWith("0001-01-01", warning.GetProperty("current").Str("onset"), StringComparison.Ordinal);
        var cap = await _client.GetCapAsync(id);
        Assert.StartsWith("9999-12-31T23:59:59", cap.Value("expires"), StringComparison.Ordinal);
        using var atom = await _client.GetAsync(new Uri("/api/warnings/cap.atom", UriKind.Relative));
        Assert.Contains(id.ToString(), XDocument.Parse(await atom.Content.ReadAsStringAsync()).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Responses_and_dispositions_stored_with_control_characters_still_read()
    {
        const string unit = "浦东新区应急管理局";
        var id = (await _client.IssueAsync(Typhoon(units: [unit]))).Id();
        await _client.SendJsonAsync($"/api/warnings/{id}/acknowledgements", new { unit });
        await _client.SendJsonAsync($"/api/warnings/{id}/dispositions", new { unit, status = "inProgress", report = "已启动响应。" });
        await PlantAsync($"UPDATE UnitResponses SET Unit = {Bad}, AcknowledgedBy = char(7), Deadline = '9999-12-31 23:59:59' WHERE upper(WarningId) = $id", id);
        await PlantAsync($"""
            UPDATE Dispositions SET Report = {Bad}, ReportedBy = char(8)
            WHERE UnitResponseId IN (SELECT Id FROM UnitResponses WHERE upper(WarningId) = $id)
            """, id);

        var responses = await _client.GetJsonAsync($"/api/warnings/{id}/responses");

        var row = Assert.Single(responses.GetProperty("responses").EnumerateArray());
        Assert.Equal(("a\u0001b\0c", "a\u0001b\0c"), (row.Str("unit"), row.Str("latestReport")));
    }

    [Fact]
    public async Task Thresholds_and_suggestions_stored_out_of_bounds_still_list()
    {
        using (var put = await _client.PutAsJsonAsync("/api/warnings/thresholds/rain-stored", new
        {
            warningType = "rainstorm", unit = "mm", blue = 30, yellow = 50, orange = 80, red = 100, hysteresis = 10, holdMinutes = 30,
            responsibleUnits = new[] { "浦东新区防汛办" },
        }))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }
        // Red needs sign-off: the breach is suggested, not published.
        var outcome = (await _client.SendJsonAsync("/api/warnings/readings", new
        {
            indicator = "rain-stored", station = "PD-STORED", district = Pudong, value = 120, observedAt = DateTimeOffset.UtcNow.AddMinutes(-1),
        }))[0];
        var suggestion = outcome.GetProperty("suggestionId").GetGuid();
        await PlantAsync($"""
            UPDATE Thresholds SET Unit = {Bad}, Hysteresis = '-5', Red = '9200000000000000000', ResponsibleUnits = '["a\u0001b"]'
            WHERE Indicator = 'rain-stored'
            """);
        await PlantAsync($"""UPDATE Suggestions SET Reason = {Bad}, Circle = char(1), DistrictCodes = '["310115","\u0000"]' WHERE upper(Id) = $id""", suggestion);

        var threshold = (await _client.GetJsonAsync("/api/warnings/thresholds")).EnumerateArray().Single(t => t.Str("indicator") == "rain-stored");
        Assert.Equal(("a\u0001b\0c", -5m, 9_200_000_000_000_000_000m), (threshold.Str("unit"), threshold.GetProperty("hysteresis").GetDecimal(), threshold.GetProperty("red").GetDecimal()));
        Assert.Equal("a\u0001b", threshold.GetProperty("responsibleUnits")[0].GetString());
        var listed = (await _client.GetJsonAsync("/api/warnings/suggestions?all=true")).EnumerateArray().Single(s => s.Id() == suggestion);
        Assert.Equal("a\u0001b\0c", listed.Str("reason"));
    }

    [Fact]
    public async Task A_hazard_site_stored_with_an_infinite_coordinate_still_lists()
    {
        await using var bus = await new MessageRecorder(factory.EntityPrefix).StartAsync();
        var classified = HazardReactionTests.Classified(Guid.NewGuid(), MajorHazardLevel.Level3);
        await bus.Bus.Publish(classified);
        await Eventually.TrueAsync(async () => (await _client.GetJsonAsync("/api/warnings/hazard-sites")).EnumerateArray()
            .Any(s => s.GetProperty("unitId").GetGuid() == classified.UnitId), "the hazard site to be known");
        await PlantAsync($"UPDATE HazardSites SET Name = {Bad}, Latitude = 1e999, Longitude = -1e999, R = '9200000000000000000' WHERE upper(UnitId) = $id", classified.UnitId);

        var site = (await _client.GetJsonAsync("/api/warnings/hazard-sites")).EnumerateArray().Single(s => s.GetProperty("unitId").GetGuid() == classified.UnitId);

        Assert.Equal("a\u0001b\0c", site.Str("name"));
        // A non-finite number is written as null (and nulls may be left out), never as a token JSON cannot parse.
        Assert.True(!site.TryGetProperty("latitude", out var latitude) || latitude.ValueKind == JsonValueKind.Null, site.ToString());
        Assert.Equal(9_200_000_000_000_000_000m, site.GetProperty("r").GetDecimal());
    }

    [Fact]
    public async Task A_feed_entry_stored_with_line_breaks_and_control_characters_replays_as_one_event()
    {
        const string district = "310118";
        var id = (await _client.IssueAsync(Typhoon(districts: [district]))).Id();
        var sequence = long.Parse(await ReadAsync("SELECT Sequence FROM FeedEntries WHERE upper(WarningId) = $id", id), System.Globalization.CultureInfo.InvariantCulture);
        await PlantAsync("""UPDATE FeedEntries SET Payload = '{"headline":"a' || char(10) || 'b' || char(13) || char(1) || 'c"}' WHERE upper(WarningId) = $id""", id);

        await using var feed = await SseClient.ConnectAsync(_client, $"/api/warnings/feed?district={district}", (sequence - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var replayed = await feed.NextAsync();
        Assert.Equal((sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), "warning.issued"), (replayed.Id, replayed.Event));
        Assert.Equal("a b c", JsonDocument.Parse(replayed.Data).RootElement.Str("headline"));
    }
}
