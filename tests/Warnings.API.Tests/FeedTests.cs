using System.Net;
using System.Text.Json;
using EmergencyOps.Testing;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>The live feed: events with ids, replay after reconnecting, filters, heartbeats, and several replicas.</summary>
public sealed class FeedTests(WarningsFactory factory) : IClassFixture<WarningsFactory>, IAsyncLifetime
{
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _client = factory.CreateClient();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _client.Dispose();
        return Task.CompletedTask;
    }

    private static JsonElement Data(SseEvent e) => JsonDocument.Parse(e.Data).RootElement;

    [Fact]
    public async Task Every_publish_update_and_lift_arrives_as_an_event_with_an_id()
    {
        await using var feed = await SseClient.ConnectAsync(_client, $"/api/warnings/feed?district={Chongming}");
        Assert.Equal("text/event-stream", feed.Response.Content.Headers.ContentType?.MediaType);

        var id = (await _client.IssueAsync(Typhoon(level: "yellow", districts: [Chongming]))).Id();
        await _client.SendJsonAsync($"/api/warnings/{id}/updates", new { level = "orange" });
        await _client.SendJsonAsync($"/api/warnings/{id}/lift", new { reason = "台风远离" });

        var events = await feed.TakeAsync(3);
        Assert.Equal(["warning.issued", "warning.updated", "warning.lifted"], events.Select(e => e.Event));
        Assert.All(events, e => Assert.Equal(id, Data(e).GetProperty("warningId").GetGuid()));
        Assert.Equal([1, 2, 3], events.Select(e => Data(e).GetProperty("version").GetInt32()));
        Assert.Equal(["yellow", "orange", "orange"], events.Select(e => Data(e).Str("level")));
        var ids = events.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ids.Order(), ids);
        var cap = await _client.GetCapAsync(id, 2);
        Assert.Equal(cap.Value("identifier"), Data(events[1]).Str("identifier"));
    }

    [Fact]
    public async Task A_client_reconnecting_with_last_event_id_gets_what_it_missed_in_order_exactly_once()
    {
        const string district = "310117"; // Songjiang: no other test of this class warns it.
        var filter = $"/api/warnings/feed?district={district}";
        string lastSeen;
        await using (var first = await SseClient.ConnectAsync(_client, filter))
        {
            var a = (await _client.IssueAsync(Typhoon(level: "blue", districts: [district]))).Id();
            var seen = await first.NextAsync();
            Assert.Equal(a, Data(seen).GetProperty("warningId").GetGuid());
            lastSeen = seen.Id!;
        }

        // While disconnected: three changes, one of them outside the filter.
        var b = (await _client.IssueAsync(Typhoon(level: "yellow", districts: [district]))).Id();
        await _client.IssueAsync(Typhoon(level: "yellow", districts: [Pudong]));
        await _client.SendJsonAsync($"/api/warnings/{b}/updates", new { level = "orange" });

        await using var second = await SseClient.ConnectAsync(_client, filter, lastSeen);
        var missed = await second.TakeAsync(2);
        Assert.Equal([(b, 1), (b, 2)], missed.Select(e => (Data(e).GetProperty("warningId").GetGuid(), Data(e).GetProperty("version").GetInt32())));

        // Then live, with nothing replayed twice.
        await _client.SendJsonAsync($"/api/warnings/{b}/lift", new { reason = "解除" });
        var live = await second.NextAsync();
        Assert.Equal(("warning.lifted", b), (live.Event, Data(live).GetProperty("warningId").GetGuid()));
        Assert.True(await second.NothingMoreAsync(TimeSpan.FromSeconds(1.5)), "no duplicate or extra events");
        var all = missed.Append(live).Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(all.Distinct().Order(), all);
    }

    [Fact]
    public async Task Filters_by_level_and_type_and_keep_exercises_apart_and_heartbeats_keep_idle_streams_open()
    {
        const string district = "310118"; // Qingpu
        await using var orange = await SseClient.ConnectAsync(_client, $"/api/warnings/feed?district={district}&level=orange&type=typhoon");
        await using var drills = await SseClient.ConnectAsync(_client, $"/api/warnings/feed?district={district}&status=exercise");

        await _client.IssueAsync(Typhoon(level: "yellow", districts: [district]));
        var drill = (await _client.IssueAsync(Typhoon(level: "orange", districts: [district], status: "Exercise"))).Id();
        var target = (await _client.IssueAsync(Typhoon(level: "orange", districts: [district]))).Id();
        await _client.SendJsonAsync($"/api/warnings/{target}/updates", new { level = "yellow" });

        var events = await orange.TakeAsync(2);
        Assert.Equal([(target, 1), (target, 2)], events.Select(e => (Data(e).GetProperty("warningId").GetGuid(), Data(e).GetProperty("version").GetInt32())));
        var drillEvent = await drills.NextAsync();
        Assert.Equal(drill, Data(drillEvent).GetProperty("warningId").GetGuid());
        Assert.True(Data(drillEvent).GetProperty("exercise").GetBoolean());
        Assert.True(await drills.NothingMoreAsync(TimeSpan.FromSeconds(1.5)));
        await Eventually.TrueAsync(() => orange.Comments >= 2, "heartbeat comments on the idle stream");

        using var bad = await _client.GetAsync(new Uri("/api/warnings/feed?level=purple", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.ProblemAsync()).GetProperty("errors").TryGetProperty("level", out _));
    }

    [Fact]
    public async Task A_second_replica_streams_and_replays_what_the_first_one_published()
    {
        await using var replica = new ReplicaFactory(factory);
        using var other = replica.CreateClient();
        await ServiceChecks.AssertReadyAsync(other);
        const string district = "310114"; // Jiading
        await using var live = await SseClient.ConnectAsync(other, $"/api/warnings/feed?district={district}");

        var id = (await _client.IssueAsync(Typhoon(level: "blue", districts: [district]))).Id();
        var onOther = await live.NextAsync();
        Assert.Equal(id, Data(onOther).GetProperty("warningId").GetGuid());

        await _client.SendJsonAsync($"/api/warnings/{id}/lift", new { reason = "解除" });
        await using var resumed = await SseClient.ConnectAsync(other, $"/api/warnings/feed?district={district}", onOther.Id);
        var replayed = await resumed.NextAsync();
        Assert.Equal(("warning.lifted", id), (replayed.Event, Data(replayed).GetProperty("warningId").GetGuid()));
    }
}
