using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Latency from issuing a warning (POST /api/warnings answers 201) to each of N concurrent subscribers of
/// GET /api/warnings/feed receiving it, through the gateway and directly, with the events lost and the memory each
/// subscriber costs. The warnings are exercises in one district, so real feeds never show them; they are cancelled after.
/// </summary>
internal sealed class FeedLatencyBenchmark : IBenchmark
{
    private const string District = "310115";
    private const int Warnings = 20;
    private static readonly TimeSpan Spacing = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Straggle = TimeSpan.FromSeconds(15);

    public string Name => "feed";

    public string Title => "Warning issued → received by N SSE subscribers: gateway vs direct";

    public async Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken)
    {
        var system = context.System;
        int[] sizes = context.Options.FeedSizes is { Count: > 0 } chosen ? [.. chosen] : context.Options.Quick ? [100, 1000] : [100, 1000, 5000];
        // Many sockets complete at once when an event fans out; do not wait for the pool's hill climbing.
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));
        using var direct = await system.ClientAsync(system.Direct("warnings"), "duty1", cancellationToken, sizes.Max() + 10);
        using var gateway = await system.ClientAsync(system.Gateway, "duty1", cancellationToken, sizes.Max() + 10);
        direct.Timeout = gateway.Timeout = Timeout.InfiniteTimeSpan;
        var sides = new FeedSide[] { new("direct", direct, system, "warnings"), new("gateway", gateway, system, "gateway") };
        foreach (var side in sides)
        {
            await RunOnceAsync(side, 20, 3, sample: null, cancellationToken);
        }
        // Through the gateway, the gateway process holds two sockets per subscriber (the client's, and its own to warnings).
        var limit = OpenFiles.Current();
        var fit = sizes.Where(n => 2 * (ulong)n + 2_000 <= limit).ToArray();
        foreach (var n in fit)
        {
            var sampled = false;
            var (d, g) = await Abba.RunAsync(context.Options.RoundsPerSide,
                _ => RunOnceAsync(sides[0], n, Warnings, null, cancellationToken),
                _ =>
                {
                    // The memory of the services under the feed load: taken once, with the most subscribers connected through the gateway.
                    Action? sample = n == fit.Max() && !sampled ? () => context.SampleMemory($"with {n} feed subscribers") : null;
                    sampled = true;
                    return RunOnceAsync(sides[1], n, Warnings, sample, cancellationToken);
                });
            result.Figures.Add(Compare($"N={n}: p50", "ms", d, g, r => r.P50));
            var p99 = Compare($"N={n}: p99", "ms", d, g, r => r.P99);
            result.Figures.Add(n == 1000 ? p99 with { Goal = "gateway ≤ 100 ms", Met = p99.CandidateMedian <= 100 } : p99);
            var lost = Compare($"N={n}: events lost", "events", d, g, r => r.Lost);
            result.Figures.Add(lost with { Compare = Comparison.Difference, Goal = "0", Met = d.Concat(g).All(r => r.Lost == 0) });
            result.Figures.Add(Compare($"N={n}: memory per subscriber", "KB", d, g, r => r.KilobytesPerSubscriber));
            result.Notes.Add($"N={n}: {d.Concat(g).Sum(r => r.Expected)} deliveries expected over all rounds, {d.Concat(g).Sum(r => r.Lost)} lost, "
                + $"{d.Concat(g).Sum(r => r.Dropped)} streams ended early; connecting took {Stats.Median(d.Select(r => r.ConnectSeconds)):0.0} s direct, "
                + $"{Stats.Median(g.Select(r => r.ConnectSeconds)):0.0} s through the gateway (medians).");
        }
        // After the sizes both paths hold, so their memory samples are not taken after this larger one.
        foreach (var n in sizes.Except(fit))
        {
            var only = await RunOnceAsync(sides[0], n, Warnings, null, cancellationToken);
            context.SampleMemory($"with {n} feed subscribers (directly)");
            result.Notes.Add($"N={n} was measured directly only, in one round: {only.Latencies.Length}/{only.Expected} events, p50 {only.P50:0.0} ms, "
                + $"p99 {only.P99:0.0} ms, {only.KilobytesPerSubscriber:0.0} KB per subscriber. Through the gateway it would need about {2 * n + 2_000:N0} open files "
                + $"in the gateway, over this machine's limit of {limit:N0} (raising it needs CAP_SYS_RESOURCE, which this machine lacks).");
        }
        result.Notes.Add($"Each round: N subscribers connect (64 at a time), then {Warnings} exercise warnings are issued {Spacing.TotalMilliseconds:0} ms apart by a duty officer "
            + $"on the same path; latency is from sending the POST to each subscriber reading the event. Events not read within {Straggle.TotalSeconds:0} s count as lost.");
        result.Notes.Add("Memory per subscriber: the growth of resident memory (VmRSS) from before connecting to all connected, divided by N: "
            + "the warnings service's directly; through the gateway, the gateway's and the warnings service's together (the gateway holds a second connection per subscriber).");
    }

    private static Figure Compare(string name, string unit, List<FeedRound> direct, List<FeedRound> gateway, Func<FeedRound, double> value) => new()
    {
        Name = name, Unit = unit, Compare = Comparison.Difference,
        Baseline = [.. direct.Select(value)], Candidate = [.. gateway.Select(value)],
    };

    private static async Task<FeedRound> RunOnceAsync(FeedSide side, int n, int k, Action? sample, CancellationToken cancellationToken)
    {
        var feed = new Uri(side.Client.BaseAddress!, $"/api/warnings/feed?district={District}&status=exercise");
        var subscribers = Enumerable.Range(0, n).Select(_ => new FeedSubscriber(feed)).ToArray();
        var arrived = 0;
        var rssBefore = side.ResidentMegabytes();
        using var connecting = new SemaphoreSlim(64);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var connect = Stopwatch.StartNew();
        var readers = subscribers.Select(s => s.RunAsync(side.Client, connecting, () => Interlocked.Increment(ref arrived), stop.Token)).ToArray();
        try
        {
            await Task.WhenAll(subscribers.Select(s => s.Connected)).WaitAsync(TimeSpan.FromSeconds(120), cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            var open = subscribers.Count(s => s.Connected.IsCompletedSuccessfully);
            var failure = subscribers.Select(s => s.Failure).FirstOrDefault(f => f is not null);
            if (open == 0 || ex is TimeoutException)
            {
                await stop.CancelAsync();
                await Task.WhenAll(readers);
                throw new InvalidOperationException($"{side.Name}: {open}/{n} subscribers connected; first failure: {failure}", ex);
            }
            // A stream that could not be opened is a measurement, not an abort: its events count as lost.
            Console.WriteLine($"  {side.Name} N={n}: {n - open} of {n} streams failed to open ({failure}); their events count as lost");
        }
        var connectSeconds = connect.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var rssAfter = side.ResidentMegabytes();
        sample?.Invoke();

        var sent = new Dictionary<Guid, long>();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < k; i++)
        {
            var wait = Spacing * i - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }
            var at = Stopwatch.GetTimestamp();
            using var response = await side.Client.PostAsJsonAsync("/api/warnings", new
            {
                type = "rainstorm", level = "blue", area = new { districtCodes = new[] { District } },
                headline = "基准测试 暴雨蓝色预警", description = "benchmark", status = "Exercise",
            }, cancellationToken);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"{side.Name}: POST /api/warnings answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
            sent[(await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid()] = at;
        }
        var deadline = Stopwatch.GetTimestamp() + (long)(Straggle.TotalSeconds * Stopwatch.Frequency);
        while (Volatile.Read(ref arrived) < n * k && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20, cancellationToken);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        var latencies = subscribers.SelectMany(s => s.Received.DistinctBy(r => r.WarningId))
            .Where(r => sent.ContainsKey(r.WarningId)).Select(r => Stopwatch.GetElapsedTime(sent[r.WarningId], r.At).TotalMilliseconds).Order().ToArray();
        await CancelAsync(side.Client, sent.Keys, cancellationToken);
        var round = new FeedRound(n * k, latencies, connectSeconds, subscribers.Count(s => s.Failure is not null), (rssAfter - rssBefore) * 1024 / n);
        Console.WriteLine($"  {side.Name} N={n}: connected in {connectSeconds:0.0} s; {latencies.Length}/{n * k} events, p50 {round.P50:0.0} ms, p99 {round.P99:0.0} ms, "
            + $"max {latencies.LastOrDefault():0.0} ms; {round.KilobytesPerSubscriber:0.0} KB per subscriber{(round.Dropped > 0 ? $"; {round.Dropped} streams ended early" : "")}");
        return round;
    }

    // Leave the system clean: the benchmark's exercises are cancelled, not left to expire.
    private static async Task CancelAsync(HttpClient client, IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            using var response = await client.PostAsJsonAsync($"/api/warnings/{id}/cancel", new { reason = "benchmark" }, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                Console.WriteLine($"  cancel {id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}");
            }
        }
    }

    /// <summary>A path to the feed, and the processes that hold its subscribers' connections.</summary>
    private sealed record FeedSide(string Name, HttpClient Client, BenchSystem System, string Holder)
    {
        public double ResidentMegabytes() => (Holder == "gateway" ? new[] { "gateway", "warnings" } : ["warnings"])
            .Sum(r => System.Processes.Find(r) is { } pid ? ResidentMemory.Of(pid)?.Total ?? double.NaN : double.NaN);
    }

    /// <summary>One round: the latencies (ms, sorted) of every (subscriber, warning) pair that arrived.</summary>
    private sealed record FeedRound(int Expected, double[] Latencies, double ConnectSeconds, int Dropped, double KilobytesPerSubscriber)
    {
        public int Lost => Expected - Latencies.Length;

        public double P50 => Stats.Percentile(Latencies, 0.50);

        public double P99 => Stats.Percentile(Latencies, 0.99);
    }
}
