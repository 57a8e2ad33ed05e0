using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;

namespace EmergencyOps.AppHost.Tests;

/// <summary>Two replicas of every service behind the gateway behave as one: nothing delivered twice, nothing missed, retries replayed.</summary>
[Collection(RunningSystem.Name)]
public sealed class ReplicaTests(SystemFixture system)
{
    [Fact]
    public async Task Every_feed_subscriber_gets_every_event_once_whichever_replica_serves_it_and_whichever_published_it()
    {
        const string feed = "/api/warnings/feed?district=310113&status=exercise";
        var subscribers = new List<SseClient>();
        var clients = new List<HttpClient>();
        try
        {
            using var gateway = await system.AsAsync("duty1", connectionPerRequest: true);
            for (var i = 0; i < 8; i++)
            {
                // A client each: every stream is its own connection, which the proxy places on either replica.
                clients.Add(await system.AsAsync("integrator-metro", connectionPerRequest: true));
                subscribers.Add(await SseClient.ConnectAsync(clients[^1], feed));
            }
            Assert.All(subscribers, s => Assert.Equal(HttpStatusCode.OK, s.Response.StatusCode));

            var expected = new List<(string Event, Guid Warning, int Version)>();
            for (var i = 0; i < 4; i++)
            {
                var id = await IssueAsync(gateway, $"宝山区暴雨蓝色预警（演练{i + 1}）");
                expected.Add(("warning.issued", id, 1));
                using var updated = await gateway.PostAsJsonAsync($"/api/warnings/{id}/updates", new { level = "yellow" });
                Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
                expected.Add(("warning.updated", id, 2));
            }

            foreach (var subscriber in subscribers)
            {
                var events = await subscriber.TakeAsync(expected.Count, TimeSpan.FromSeconds(30));
                var got = events.Select(e =>
                {
                    var data = JsonDocument.Parse(e.Data).RootElement;
                    return (e.Event!, data.GetProperty("warningId").GetGuid(), data.GetProperty("version").GetInt32());
                }).ToList();
                Assert.Equal(expected.Order(), got.Order());
                Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
            }
            foreach (var subscriber in subscribers)
            {
                Assert.True(await subscriber.NothingMoreAsync(TimeSpan.FromMilliseconds(500)), "nothing delivered twice");
            }
        }
        finally
        {
            foreach (var subscriber in subscribers)
            {
                await subscriber.DisposeAsync();
            }
            clients.ForEach(c => c.Dispose());
        }
    }

    // Both replicas dispatch the outbox and sweep for overdue acknowledgements and expiries: each event still goes out once.
    [Fact]
    public async Task Outbox_dispatch_and_the_overdue_and_expiry_sweeps_send_each_event_once()
    {
        await using var recorder = await system.Recorder()
            .Record<WarningIssued>().Record<WarningAcknowledgementOverdue>().Record<WarningEnded>().StartAsync();
        string[] units = ["闵行区应急管理局", "闵行区防汛防台指挥部办公室"];
        var expiring = new List<Guid>();
        using var gateway = await system.AsAsync("duty1", connectionPerRequest: true);
        for (var i = 0; i < 4; i++)
        {
            expiring.Add(await IssueAsync(gateway, $"闵行区暴雨蓝色预警（演练{i + 1}）", "310112", units, DateTimeOffset.UtcNow.AddSeconds(8)));
        }

        await Eventually.TrueAsync(() => expiring.All(id =>
                recorder.Received<WarningEnded>().Any(m => m.Message.WarningId == id && m.Message.Reason == WarningEndReason.Expired)
                && recorder.Received<WarningAcknowledgementOverdue>().Count(m => m.Message.WarningId == id) >= units.Length),
            "every warning overdue for both units and then expired", TimeSpan.FromSeconds(60));
        // Sweeps after those have found nothing more to send once a later warning's overdue events arrive.
        var marker = await IssueAsync(gateway, "闵行区暴雨蓝色预警（演练标记）", "310112", units, null);
        await Eventually.TrueAsync(() => recorder.Received<WarningAcknowledgementOverdue>().Count(m => m.Message.WarningId == marker) == units.Length,
            "the marker's overdue events", TimeSpan.FromSeconds(30));

        foreach (var id in expiring.Append(marker))
        {
            Assert.Single(recorder.Received<WarningIssued>(), m => m.Message.WarningId == id);
            Assert.Equal(units.Order(), recorder.Received<WarningAcknowledgementOverdue>().Where(m => m.Message.WarningId == id).Select(m => m.Message.Unit).Order());
        }
        Assert.All(expiring, id => Assert.Single(recorder.Received<WarningEnded>(), m => m.Message.WarningId == id));
        var ids = recorder.Received<WarningAcknowledgementOverdue>().Select(m => m.MessageId).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public async Task A_retried_registration_is_replayed_whichever_replica_answers_and_registers_one_shelter()
    {
        var key = $"shelter-{Guid.NewGuid():N}";
        var name = $"宝山区体育中心避难场所-{key[^6..]}";
        var body = new
        {
            name, kind = "indoor", grade = "central", districtCode = "310113", address = "上海市宝山区友谊路1号",
            latitude = 31.4045, longitude = 121.4890, usableArea = 8000.0, capacity = 3000, facilities = new[] { "water", "power", "medical-point" },
            suitableHazards = new[] { "typhoon", "earthquake" }, unsuitableHazards = Array.Empty<string>(), manager = "周建华", contact = "021-56690000",
        };
        using var client = await system.AsAsync("admin", connectionPerRequest: true);

        // At once, then one by one: each request is its own connection, so both replicas answer some.
        var concurrent = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(client, key, body)));
        var sequential = new List<(HttpStatusCode Status, string Body, bool Replayed)>();
        for (var i = 0; i < 6; i++)
        {
            sequential.Add(await SendAsync(client, key, body));
        }

        var created = concurrent.Concat(sequential).Where(r => r.Status == HttpStatusCode.Created).ToList();
        Assert.All(concurrent, r => Assert.Contains(r.Status, new[] { HttpStatusCode.Created, HttpStatusCode.Conflict }));
        Assert.All(sequential, r => Assert.Equal((HttpStatusCode.Created, true), (r.Status, r.Replayed)));
        Assert.Single(created.Select(r => r.Body).Distinct());
        var id = JsonDocument.Parse(created[0].Body).RootElement.GetProperty("id").GetGuid();
        var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/shelters?district=310113&pageSize=200", UriKind.Relative))).RootElement;
        Assert.Equal([id], list.GetProperty("data").EnumerateArray().Where(s => s.GetProperty("name").GetString() == name).Select(s => s.GetProperty("id").GetGuid()));
    }

    private static async Task<(HttpStatusCode Status, string Body, bool Replayed)> SendAsync(HttpClient client, string key, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/shelters") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await client.SendAsync(request);
        var replayed = response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.Contains("true");
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), replayed);
    }

    private static async Task<Guid> IssueAsync(HttpClient gateway, string headline, string district = "310113", string[]? units = null, DateTimeOffset? expires = null)
    {
        using var issued = await gateway.PostAsJsonAsync("/api/warnings", new
        {
            type = "rainstorm", level = "blue", status = "Exercise", area = new { districtCodes = new[] { district } },
            headline, description = "演练：预计未来6小时累计降水量将达50毫米以上。", responsibleUnits = units, expires,
        });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        return JsonDocument.Parse(await issued.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }
}
