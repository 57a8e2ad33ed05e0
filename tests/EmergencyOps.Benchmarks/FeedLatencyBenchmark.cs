using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Latency from issuing a warning (POST /api/warnings answers 201) to each of N concurrent subscribers of
/// GET /api/warnings/feed receiving it, through the gateway and directly to the warnings service, in one
/// run. The benchmark's warnings are exercises in one district, so real feeds never see them; they are
/// cancelled afterwards.
/// </summary>
internal static class FeedLatencyBenchmark
{
    private const string District = "310115";
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Straggle = TimeSpan.FromSeconds(15);

    public static async Task<int> RunAsync(string[] args)
    {
        var gateway = new Uri(args.ElementAtOrDefault(0) ?? "http://localhost:5080");
        var direct = new Uri(args.ElementAtOrDefault(1) ?? "http://127.0.0.1:5082");
        var sizes = (args.ElementAtOrDefault(2) ?? "100,1000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var warnings = int.Parse(args.ElementAtOrDefault(3) ?? "20", CultureInfo.InvariantCulture);

        // Many sockets complete at once when an event fans out; do not wait for the pool's hill climbing.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = sizes.Max() + 10,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            UseProxy = false,
        };
        using var streams = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        using var requests = new HttpClient(handler, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };

        Console.WriteLine($"feed latency: {warnings} exercise warnings {Spacing.TotalMilliseconds:0} ms apart, subscribers {string.Join(", ", sizes)}, district {District}");
        foreach (var (name, baseUri) in new[] { ("direct", direct), ("gateway", gateway) })
        {
            Print(await RunOnceAsync(streams, requests, name, baseUri, Math.Min(20, sizes.Min()), 3), warmUp: true);
        }
        var all = new List<FeedRun>();
        foreach (var n in sizes)
        {
            // ABBA order, so neither target always runs first (or on a warmer, or more loaded, system).
            foreach (var (name, baseUri) in new[] { ("direct", direct), ("gateway", gateway), ("gateway", gateway), ("direct", direct) })
            {
                var run = await RunOnceAsync(streams, requests, name, baseUri, n, warnings);
                Print(run, warmUp: false);
                all.Add(run);
            }
        }
        FeedReport.Write(all);
        return all.Sum(r => r.Lost) == 0 ? 0 : 1;
    }

    private static async Task<FeedRun> RunOnceAsync(HttpClient streams, HttpClient requests, string target, Uri baseUri, int n, int k)
    {
        var feed = new Uri(baseUri, $"/api/warnings/feed?district={District}&status=exercise");
        var subscribers = Enumerable.Range(0, n).Select(_ => new FeedSubscriber(feed)).ToArray();
        var arrived = 0;
        using var connecting = new SemaphoreSlim(64);
        using var stop = new CancellationTokenSource();
        var connect = Stopwatch.StartNew();
        var readers = subscribers.Select(s => s.RunAsync(streams, connecting, () => Interlocked.Increment(ref arrived), stop.Token)).ToArray();
        try
        {
            await Task.WhenAll(subscribers.Select(s => s.Connected)).WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            await stop.CancelAsync();
            await Task.WhenAll(readers);
            var open = subscribers.Count(s => s.Connected.IsCompletedSuccessfully);
            throw new InvalidOperationException($"{target}: {open}/{n} subscribers connected; first failure: {subscribers.Select(s => s.Failure).FirstOrDefault(f => f is not null)}", ex);
        }
        var connectSeconds = connect.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(1));

        var sent = new Dictionary<Guid, long>();
        var posts = new List<double>();
        var url = new Uri(baseUri, "/api/warnings");
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < k; i++)
        {
            var wait = Spacing * i - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            var body = new
            {
                type = "rainstorm", level = "blue", area = new { districtCodes = new[] { District } },
                headline = "基准测试 暴雨蓝色预警", description = "benchmark", status = "Exercise",
            };
            var at = Stopwatch.GetTimestamp();
            using var response = await requests.PostAsJsonAsync(url, body);
            posts.Add(Stopwatch.GetElapsedTime(at).TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"{target}: POST /api/warnings answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            sent[json.RootElement.GetProperty("id").GetGuid()] = at;
        }
        var deadline = Stopwatch.GetTimestamp() + (long)(Straggle.TotalSeconds * Stopwatch.Frequency);
        while (Volatile.Read(ref arrived) < n * k && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        var latencies = new List<double>(n * k);
        foreach (var s in subscribers)
        {
            foreach (var (id, at) in s.Received.DistinctBy(r => r.WarningId))
            {
                if (sent.TryGetValue(id, out var issued))
                {
                    latencies.Add(Stopwatch.GetElapsedTime(issued, at).TotalMilliseconds);
                }
            }
        }
        await CancelAsync(requests, baseUri, sent.Keys);
        latencies.Sort();
        posts.Sort();
        return new FeedRun(target, n, n * k, [.. latencies], [.. posts], connectSeconds, subscribers.Count(s => s.Failure is not null));
    }

    // Leave the system clean: the benchmark's exercises are cancelled, not left to expire.
    private static async Task CancelAsync(HttpClient requests, Uri baseUri, IEnumerable<Guid> ids)
    {
        foreach (var id in ids)
        {
            using var response = await requests.PostAsJsonAsync(new Uri(baseUri, $"/api/warnings/{id}/cancel"), new { reason = "benchmark" });
            if (!response.IsSuccessStatusCode)
            {
                Console.WriteLine($"  cancel {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
    }

    private static void Print(FeedRun r, bool warmUp) =>
        Console.WriteLine($"{(warmUp ? "warm-up " : "")}{r.Target} N={r.Subscribers}: connected in {r.ConnectSeconds:0.0} s; {r.Received}/{r.Expected} events, "
            + $"p50 {FeedReport.Percentile(r.Latencies, 0.50):0.0} ms, p99 {FeedReport.Percentile(r.Latencies, 0.99):0.0} ms, max {r.Latencies.LastOrDefault():0.0} ms; "
            + $"POST p50 {FeedReport.Percentile(r.Posts, 0.50):0.0} ms{(r.Dropped > 0 ? $"; {r.Dropped} streams ended early" : "")}");
}
