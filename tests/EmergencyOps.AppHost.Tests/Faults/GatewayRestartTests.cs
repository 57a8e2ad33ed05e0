using System.Net.Http.Headers;
using System.Text.Json;
using Aspire.Hosting.Testing;
using EmergencyOps.Identity.Client;
using EmergencyOps.Testing;
using Xunit.Abstractions;
using static EmergencyOps.AppHost.Tests.Faults.Operations;

namespace EmergencyOps.AppHost.Tests.Faults;

/// <summary>
/// The gateway restarts under 100 live-feed subscribers while warnings keep being issued (straight to the warnings
/// service while the gateway is down): every subscriber reconnects with Last-Event-ID and has every event once, in order.
/// </summary>
[Collection(Faulted.Name)]
public sealed class GatewayRestartTests(FaultSystem system, ITestOutputHelper output)
{
    private const int Subscribers = 100;
    private const string Feed = "/api/warnings/feed?district=310109&status=exercise";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact(Timeout = FaultSystem.TestTimeout)]
    public async Task A_hundred_feed_subscribers_resume_after_a_gateway_restart_without_a_gap_or_a_repeat()
    {
        using var duty = await system.AsAsync("duty1");
        using var direct = system.App.CreateHttpClient("warnings", "http");
        direct.DefaultRequestHeaders.Authorization = TokenSource.Bearer(await system.Tokens.GetAsync("duty1"));
        using var subscriberClient = await system.AsAsync("integrator-metro");
        subscriberClient.Timeout = Timeout.InfiniteTimeSpan;
        var feeds = Enumerable.Range(0, Subscribers).Select(_ => ResumingFeed.Start(subscriberClient, Feed)).ToList();
        try
        {
            await Eventually.TrueAsync(() => feeds.All(f => f.Connections >= 1), "every subscriber connected", Deadline);
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {Subscribers} subscribers connected");
            var issued = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                issued.Add((await IssueAsync(duty, "310109", $"虹口区暴雨橙色预警（网关重启演练{i}）")).Id!.Value);
            }
            await Eventually.TrueAsync(() => feeds.All(f => f.Events.Count >= 3), "the first warnings on every feed", Deadline);
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} the first warnings on every feed; restarting the gateway");

            var restart = system.RestartSingleAsync("gateway", new CancellationTokenSource(Deadline).Token);
            // While the gateway is away the centre's warnings still go out, straight from the service.
            for (var i = 3; i < 6; i++)
            {
                issued.Add((await IssueAsync(direct, "310109", $"虹口区暴雨橙色预警（网关重启演练{i}）")).Id!.Value);
            }
            await restart;
            output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} the gateway is back; {feeds.Count(f => f.Connections >= 2)} subscribers reconnected");
            for (var i = 6; i < 9; i++)
            {
                issued.Add((await IssueAsync(duty, "310109", $"虹口区暴雨橙色预警（网关重启演练{i}）")).Id!.Value);
            }

            await Eventually.TrueAsync(() => feeds.All(f => f.Events.Count >= issued.Count), "every warning on every feed", Deadline);
            foreach (var feed in feeds)
            {
                Assert.True(feed.Connections >= 2, $"{feed.Connections} connections: the restart must have ended the first stream");
                var events = feed.Events;
                Assert.Equal(issued, events.Select(e => JsonDocument.Parse(e.Data).RootElement.GetProperty("warningId").GetGuid()));
                var ids = events.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(ids.Order(), ids);
                Assert.Equal(ids.Count, ids.Distinct().Count());
            }
        }
        finally
        {
            foreach (var feed in feeds)
            {
                await feed.DisposeAsync();
            }
        }
    }
}
