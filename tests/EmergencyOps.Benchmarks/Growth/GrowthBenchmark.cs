using System.Globalization;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// The same requests at 1×, 10× and 100× data: ledger entries, products with traces, warnings with versions and
/// shelters grow together, and each request's cost at a scale is compared with its cost at 1×. The scales take turns
/// (1 10 100 100 10 1 1 10 100), so each has three rounds and a drift over the run falls on all of them alike.
/// </summary>
internal sealed class GrowthBenchmark : IBenchmark
{
    private static readonly int[] Turns = [1, 10, 100, 100, 10, 1, 1, 10, 100];
    private static readonly int[] Scales = [1, 10, 100];

    // log(100n)/log(n) is 1.67 for n = 1,000 rows and 2.0 for n = 100: a cost within 2× of the 1× cost at 100× the
    // data is flat or logarithmic; a linear one would be near 100×.
    private const double Goal = 2;

    public string Name => "growth";

    public string Title => "Growth: the same requests at 1×, 10× and 100× data";

    public async Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken)
    {
        GrowingData[] data = [new LedgerGrowth(context.System), new ProductGrowth(context.System), new WarningGrowth(context.System), new ShelterGrowth(context.System)];
        try
        {
            foreach (var kind in data)
            {
                await kind.PrepareAsync(context, cancellationToken);
            }
            await SettleAsync(context.System, cancellationToken);
            await MeasureAsync(context, result, data, cancellationToken);
        }
        finally
        {
            // The benchmarks after this one see the base again.
            foreach (var kind in data)
            {
                await kind.ScaleAsync(1, CancellationToken.None);
                kind.Dispose();
            }
        }
    }

    // The base's thousands of events are still being published and consumed for a while: the first rounds would
    // measure that work, not the 1× data. Wait until every outbox has sent everything (at most two minutes).
    private static async Task SettleAsync(BenchSystem system, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        foreach (var service in BenchSystem.Services)
        {
            var file = Path.Combine(system.DataDirectory, service + ".db");
            while (await Clones.ScalarAsync(file, "SELECT COUNT(*) FROM OutboxMessages WHERE SentAt IS NULL", cancellationToken) > 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
    }

    private static async Task MeasureAsync(BenchContext context, BenchmarkResult result, GrowingData[] data, CancellationToken cancellationToken)
    {
        var round = context.Options.Quick ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(3);
        var operations = data.SelectMany(d => d.Operations).ToList();
        foreach (var op in operations)
        {
            await Load.ClosedLoopAsync(op.Callers, round / 2, op.Run, cancellationToken);
        }
        var samples = operations.ToDictionary(op => op, _ => Scales.ToDictionary(s => s, _ => new List<LoadResult>()));
        var rows = new Dictionary<(string Kind, int Scale), string>();
        var current = 1;
        foreach (var scale in Turns)
        {
            if (scale != current)
            {
                var grown = System.Diagnostics.Stopwatch.StartNew();
                foreach (var kind in data)
                {
                    await kind.ScaleAsync(scale, cancellationToken);
                }
                current = scale;
                Console.WriteLine($"  now {scale}× ({grown.Elapsed.TotalSeconds:0.0} s to change the data)");
            }
            foreach (var kind in data)
            {
                rows[(kind.Name, scale)] = await kind.RowsAsync(cancellationToken);
            }
            foreach (var op in operations)
            {
                var r = await Load.ClosedLoopAsync(op.Callers, round, op.Run, cancellationToken);
                samples[op][scale].Add(r);
                Console.WriteLine($"  {scale}× {op.Name}: {r.Succeeded} ok, {r.Failed} failed, {r.PerSecond:0}/s, p50 {r.P50:0.00} ms, p99 {r.P99:0.00} ms{(r.FirstFailure is null ? "" : $" ({r.FirstFailure})")}");
            }
        }
        foreach (var op in operations)
        {
            foreach (var scale in Scales.Skip(1))
            {
                var figure = new Figure
                {
                    Name = $"{op.Name}: p50 at {scale}×", Unit = "ms", Compare = Comparison.Ratio, BaselineLabel = "1×", CandidateLabel = $"{scale}×",
                    Baseline = [.. samples[op][1].Select(r => r.P50)], Candidate = [.. samples[op][scale].Select(r => r.P50)],
                    Goal = scale == 100 ? $"≤ {Goal}× the 1× cost (flat or logarithmic)" : null,
                };
                result.Figures.Add(scale == 100 ? figure with { Met = figure.Versus <= Goal } : figure);
            }
            var line = string.Join("; ", Scales.Select(s => string.Create(CultureInfo.InvariantCulture,
                $"{s}×: p50 {Stats.Median(samples[op][s].Select(r => r.P50)):0.00} ms, p99 {Stats.Median(samples[op][s].Select(r => r.P99)):0.00} ms, {Stats.Median(samples[op][s].Select(r => r.PerSecond)):0}/s")));
            result.Notes.Add($"{op.Name} ({op.Callers} callers): {line}.");
        }
        foreach (var kind in data)
        {
            result.Notes.Add($"{kind.Name}: {string.Join(" → ", Scales.Select(s => rows[(kind.Name, s)]))}.");
        }
        result.Notes.Add($"Failed requests: {samples.Values.SelectMany(s => s.Values).SelectMany(l => l).Sum(r => r.Failed)}.");
        result.Notes.Add("The base (1×) is put in through the API; the copies are written straight into the service's SQLite file by one INSERT … SELECT per table "
            + "(copies of the base rows with new keys), and removed again between turns, so a scale is the same data every time it comes round.");
    }
}
