using System.Net.Http.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// What an Idempotency-Key costs a write: POST /api/shelters/{id}/occupancy with a key and without, directly to the
/// shelters service. Stock changes cannot be the subject: they require a key (400 without), so there is no "without".
/// </summary>
internal sealed class IdempotencyBenchmark : IBenchmark
{
    private const int Callers = 8;

    public string Name => "idempotency";

    public string Title => "POST with Idempotency-Key vs without";

    public async Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken)
    {
        var system = context.System;
        var shelters = await context.Seed.SheltersAsync(60, cancellationToken);
        using var client = await system.ClientAsync(system.Direct("shelters"), "duty1", cancellationToken);
        var round = context.Options.Round;
        // Until each side's rate is steady, so neither side's measured rounds include the code's first, slower tiers.
        var warmUp = new List<string>();
        foreach (var withKey in new[] { true, false })
        {
            warmUp.Add($"{(withKey ? "with key" : "without key")} {await Load.WarmUpAsync(Callers, round / 2, Arrive(client, shelters, withKey), cancellationToken)}");
        }
        var (without, with) = await Abba.RunAsync(context.Options.RoundsPerSide,
            _ => Round("without key", () => Load.ClosedLoopAsync(Callers, round, Arrive(client, shelters, withKey: false), cancellationToken)),
            _ => Round("with key", () => Load.ClosedLoopAsync(Callers, round, Arrive(client, shelters, withKey: true), cancellationToken)));
        var throughput = new Figure
        {
            Name = "accepted", Unit = "requests/s", Compare = Comparison.Ratio, BaselineLabel = "without key", CandidateLabel = "with key",
            Baseline = [.. without.Select(r => r.PerSecond)], Candidate = [.. with.Select(r => r.PerSecond)], Goal = "ratio ≥ 0.9",
        };
        result.Figures.Add(throughput with { Met = throughput.Versus >= 0.9 });
        result.Figures.Add(new Figure
        {
            Name = "p50", Unit = "ms", Compare = Comparison.Difference, BaselineLabel = "without key", CandidateLabel = "with key",
            Baseline = [.. without.Select(r => r.P50)], Candidate = [.. with.Select(r => r.P50)],
        });
        result.Figures.Add(new Figure
        {
            Name = "p99", Unit = "ms", Compare = Comparison.Difference, BaselineLabel = "without key", CandidateLabel = "with key",
            Baseline = [.. without.Select(r => r.P99)], Candidate = [.. with.Select(r => r.P99)],
        });
        result.Notes.Add($"{Callers} callers (closed loop), each recording arrivals of 1 person at its own open shelter, directly to the shelters service as a duty officer.");
        result.Notes.Add("Stock changes require an Idempotency-Key (a request without one is refused with 400), so the comparison uses the shelter occupancy write, "
            + "where the key is optional; the key's cost is the same filter (a stored key and answer in the service's database, in the write's transaction).");
        result.Notes.Add($"Failed requests: {without.Concat(with).Sum(r => r.Failed)}. Warm-up rounds until two in a row agreed within a tenth: {string.Join(", ", warmUp)}.");
    }

    private static async Task<LoadResult> Round(string label, Func<Task<LoadResult>> run)
    {
        var r = await run();
        Console.WriteLine($"  {label}: {r.Succeeded} ok, {r.Failed} failed, {r.PerSecond:0}/s, p50 {r.P50:0.0} ms, p99 {r.P99:0.0} ms{(r.FirstFailure is null ? "" : $" ({r.FirstFailure})")}");
        return r;
    }

    private static Load.Operation Arrive(HttpClient client, IReadOnlyList<Guid> shelters, bool withKey) => async (caller, _, ct) =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/shelters/{shelters[caller % shelters.Count]}/occupancy")
        {
            Content = JsonContent.Create(new { kind = "arrival", people = 1, note = "benchmark" }),
        };
        if (withKey)
        {
            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        }
        return await Load.SendAsync(client, request, ct, withBody: true);
    };
}
