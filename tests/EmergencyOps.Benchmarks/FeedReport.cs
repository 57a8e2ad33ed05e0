namespace EmergencyOps.Benchmarks;

/// <summary>One measured round: latencies (ms, sorted) of every (subscriber, warning) pair that arrived.</summary>
internal sealed record FeedRun(string Target, int Subscribers, int Expected, double[] Latencies, double[] Posts, double ConnectSeconds, int Dropped)
{
    public int Received => Latencies.Length;

    public int Lost => Expected - Received;
}

/// <summary>The summary table: both rounds of a target pooled, and the gateway/direct ratios per size.</summary>
internal static class FeedReport
{
    public static void Write(IReadOnlyList<FeedRun> runs)
    {
        Console.WriteLine();
        Console.WriteLine("N     | target  | expected | received | lost | p50 ms | p90 ms | p99 ms | max ms   (two rounds pooled)");
        foreach (var size in runs.GroupBy(r => r.Subscribers))
        {
            var pooled = new Dictionary<string, double[]>();
            foreach (var target in size.GroupBy(r => r.Target))
            {
                var latencies = target.SelectMany(r => r.Latencies).Order().ToArray();
                pooled[target.Key] = latencies;
                var expected = target.Sum(r => r.Expected);
                Console.WriteLine($"{size.Key,-5} | {target.Key,-7} | {expected,8} | {latencies.Length,8} | {expected - latencies.Length,4} | "
                    + $"{Percentile(latencies, 0.50),6:0.0} | {Percentile(latencies, 0.90),6:0.0} | {Percentile(latencies, 0.99),6:0.0} | {latencies.LastOrDefault(),6:0.0}");
            }
            if (pooled.TryGetValue("gateway", out var g) && pooled.TryGetValue("direct", out var d))
            {
                Console.WriteLine($"{size.Key,-5} | gateway/direct ratio: p50 {Percentile(g, 0.50) / Percentile(d, 0.50):0.00}, p99 {Percentile(g, 0.99) / Percentile(d, 0.99):0.00}");
            }
        }
    }

    /// <summary>Nearest-rank percentile of sorted values; NaN when there are none.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
