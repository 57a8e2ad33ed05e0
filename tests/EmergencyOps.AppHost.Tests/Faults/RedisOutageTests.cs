using System.Net;
using System.Text.Json;
using EmergencyOps.Testing;
using static EmergencyOps.AppHost.Tests.Faults.Operations;

namespace EmergencyOps.AppHost.Tests.Faults;

/// <summary>
/// Redis stops answering (SIGSTOP: connections stay open, nothing replies) and later resumes with what it held.
/// Writes are still accepted, the live feed falls back to polling the database, its subscribers miss nothing, and
/// the shelters' availability, read from the database meanwhile, is right again in the cache within one reconcile period.
/// </summary>
[Collection(Faulted.Name)]
public sealed class RedisOutageTests(FaultSystem system)
{
    private const string District = "310110";
    private const string Feed = $"/api/warnings/feed?district={District}&status=exercise";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact(Timeout = FaultSystem.TestTimeout)]
    public async Task A_hung_Redis_refuses_no_write_loses_no_feed_event_and_leaves_availability_stale_no_longer_than_a_reconcile_period()
    {
        using var admin = await system.AsAsync("admin");
        using var duty = await system.AsAsync("duty1");
        using var subscriberClient = await system.AsAsync("integrator-metro");
        subscriberClient.Timeout = Timeout.InfiniteTimeSpan;
        var shelter = await ShelterAsync(admin, duty, District, 300);
        var warehouse = await SystemData.WarehouseAsync(admin, "FT-REDIS", "杨浦区应急物资储备库（故障演练）", District);
        var feeds = Enumerable.Range(0, 10).Select(_ => ResumingFeed.Start(subscriberClient, Feed)).ToList();
        var redis = Assert.Single(ProcessTree.StartedBy(Environment.ProcessId), pid => ProcessTree.Name(pid) == "redis-server");
        var issued = new List<Guid>();
        long baseline = 0;
        try
        {
            await Eventually.TrueAsync(() => feeds.All(f => f.Connections >= 1), "every subscriber connected", Deadline);
            baseline = await OccupancyInCacheAsync(admin);
            issued.Add(await IssueOkAsync(duty, 0));
            Assert.True((await ArriveAsync(duty, shelter, 10)).IsSuccessStatusCode);
            Assert.Equal(baseline + 10, await OccupancyInCacheAsync(admin));

            Assert.Equal(0, ProcessTree.Kill(redis, ProcessTree.SigStop));
            for (var i = 1; i <= 3; i++)
            {
                issued.Add(await IssueOkAsync(duty, i));
                using var arrived = await ArriveAsync(duty, shelter, 5);
                Assert.Equal(HttpStatusCode.OK, arrived.StatusCode);
            }
            Assert.True((await ReceiveAsync(admin, warehouse, 20)).Acknowledged);
            // Reads fall back to the database while the cache does not answer.
            Assert.Equal(baseline + 25, await OccupancyInCacheAsync(admin));
            // Subscribers on the other replica learn of new entries by polling now, since the Redis notification is gone.
            await Eventually.TrueAsync(() => feeds.All(f => f.Events.Count >= issued.Count), "the warnings on every feed while Redis hangs", Deadline);
        }
        finally
        {
            ProcessTree.Kill(redis, ProcessTree.SigCont);
        }

        // Redis comes back holding the availability of before the outage; the reconciliation corrects it.
        var resumed = DateTime.UtcNow;
        await Eventually.TrueAsync(async () => await OccupancyInCacheAsync(admin) == baseline + 25, "the cached availability corrected", FaultSystem.ReconcilePeriod * 3);
        var stale = DateTime.UtcNow - resumed;
        Assert.True(stale <= FaultSystem.ReconcilePeriod * 2, $"stale for {stale.TotalSeconds:0.0} s after Redis resumed");

        issued.Add(await IssueOkAsync(duty, 4));
        await Eventually.TrueAsync(() => feeds.All(f => f.Events.Count >= issued.Count), "every warning on every feed", Deadline);
        foreach (var feed in feeds)
        {
            var events = feed.Events;
            Assert.Equal(issued, events.Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("warningId").GetGuid()));
            Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
            await feed.DisposeAsync();
        }
    }

    private static async Task<Guid> IssueOkAsync(HttpClient duty, int i)
    {
        var sent = await IssueAsync(duty, District, $"杨浦区暴雨橙色预警（缓存故障演练{i}）");
        Assert.Equal(HttpStatusCode.Created, sent.Status);
        return sent.Id!.Value;
    }

    private static Task<HttpResponseMessage> ArriveAsync(HttpClient duty, Guid shelter, int people) =>
        SystemData.PostAsync(duty, $"/api/shelters/{shelter}/occupancy", new { kind = "arrival", people, note = "转移安置" });

    // Other shelters of the district stay as they are during the test, so its occupancy moves with this test's shelter only.
    private static async Task<long> OccupancyInCacheAsync(HttpClient admin)
    {
        var districts = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/shelters/availability", UriKind.Relative))).RootElement;
        return districts.EnumerateArray().Single(d => d.GetProperty("districtCode").GetString() == District).GetProperty("occupancy").GetInt64();
    }
}
