using System.Globalization;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// The gateway's cost on a database-backed read, GET /api/shelters/nearest (public, no token): first each side's
/// full-load throughput, then both at a fixed rate of half of direct's, where their latencies are compared.
/// </summary>
internal sealed class GatewayReadBenchmark : IBenchmark
{
    private const int Shelters = 60;
    private const int Callers = 16;
    private const double ShareOfCapacity = 0.5;

    public string Name => "gateway-read";

    public string Title => "Gateway vs direct: GET /api/shelters/nearest";

    public async Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken)
    {
        var system = context.System;
        await context.Seed.SheltersAsync(Shelters, cancellationToken);
        using var direct = await system.ClientAsync(system.Direct("shelters"), null, cancellationToken);
        using var gateway = await system.ClientAsync(system.Gateway, null, cancellationToken);
        var round = context.Options.Round;
        foreach (var client in new[] { direct, gateway })
        {
            await Load.WarmUpAsync(Callers, round / 2, Query(client), cancellationToken);
        }

        var (fullDirect, fullGateway) = await Abba.RunAsync(context.Options.RoundsPerSide,
            _ => Round("direct full load", () => Load.ClosedLoopAsync(Callers, round, Query(direct), cancellationToken)),
            _ => Round("gateway full load", () => Load.ClosedLoopAsync(Callers, round, Query(gateway), cancellationToken)));
        var capacity = Stats.Median(fullDirect.Select(r => r.PerSecond));
        var rate = Math.Round(capacity * ShareOfCapacity / 10) * 10;
        Console.WriteLine($"  fixed rate: {rate} requests/s ({ShareOfCapacity:P0} of direct's {capacity:0}/s)");
        var (fixedDirect, fixedGateway) = await Abba.RunAsync(context.Options.RoundsPerSide,
            _ => Round("direct fixed rate", () => Load.FixedRateAsync(rate, round, Query(direct), cancellationToken)),
            _ => Round("gateway fixed rate", () => Load.FixedRateAsync(rate, round, Query(gateway), cancellationToken)));

        var ratio = Stats.Median(fullGateway.Select(r => r.PerSecond)) / capacity;
        result.Figures.Add(new Figure
        {
            Name = "full-load throughput", Unit = "requests/s", Compare = Comparison.Ratio,
            Baseline = [.. fullDirect.Select(r => r.PerSecond)], Candidate = [.. fullGateway.Select(r => r.PerSecond)],
            Goal = "ratio reported (0.61 measured 2026-11-29)",
        });
        var p50 = Figure("p50 at fixed rate", fixedDirect, fixedGateway, r => r.P50, "added ≤ 1 ms", 1);
        var p99 = Figure("p99 at fixed rate", fixedDirect, fixedGateway, r => r.P99, "added ≤ 3 ms", 3);
        result.Figures.AddRange([p50, p99]);
        result.Notes.Add($"Fixed rate: {rate.ToString(CultureInfo.InvariantCulture)} requests/s, {ShareOfCapacity:P0} of direct's median full-load throughput ({capacity:0}/s with {Callers} callers); "
            + $"full-load throughput ratio gateway/direct {ratio:0.00}.");
        result.Notes.Add($"{Shelters} open shelters in Pudong; each query asks for the 5 nearest with room for 10 people from one of 100 points.");
        result.Notes.Add($"Failed requests: {fullDirect.Concat(fullGateway).Concat(fixedDirect).Concat(fixedGateway).Sum(r => r.Failed)}.");
        result.Notes.Add("Both paths end at the same endpoint (the one replica's own port, no proxy in front of it), so the difference is the gateway's: "
            + "authentication-free routing through YARP, its rate limiter, its correlation and telemetry middleware, and a second loopback hop.");
    }

    private static Figure Figure(string name, List<LoadResult> direct, List<LoadResult> gateway, Func<LoadResult, double> value, string goal, double limit)
    {
        var figure = new Figure
        {
            Name = name, Unit = "ms", Compare = Comparison.Difference,
            Baseline = [.. direct.Select(value)], Candidate = [.. gateway.Select(value)], Goal = goal,
        };
        return figure with { Met = figure.Versus <= limit };
    }

    private static async Task<LoadResult> Round(string label, Func<Task<LoadResult>> run)
    {
        var r = await run();
        Console.WriteLine($"  {label}: {r.Succeeded} ok, {r.Failed} failed, {r.PerSecond:0}/s, p50 {r.P50:0.00} ms, p99 {r.P99:0.00} ms{(r.FirstFailure is null ? "" : $" ({r.FirstFailure})")}");
        return r;
    }

    /// <summary>The nearest 5 shelters with room for 10 people, from one of 100 points in Pudong.</summary>
    public static Load.Operation Query(HttpClient client) => Load.Get(client, i =>
    {
        var (lat, lon) = Seed.QueryPoint(i % 100);
        return FormattableString.Invariant($"/api/shelters/nearest?lat={lat:0.00000}&lon={lon:0.00000}&people=10&limit=5");
    });
}
