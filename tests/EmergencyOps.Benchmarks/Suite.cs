using System.Diagnostics;

namespace EmergencyOps.Benchmarks;

/// <summary>The benchmarks in the order they run, and the run itself: start the system, run each, write the report.</summary>
internal static class Suite
{
    public static readonly IReadOnlyList<IBenchmark> All =
    [
        new GatewayReadBenchmark(),
        // Early, on a small base; it removes its copies when it ends.
        new GrowthBenchmark(),
        // Before the stock-change load: that load leaves thousands of events in inventory's outbox, and this
        // benchmark's events would queue behind them.
        new StockEventBenchmark(),
        new StockChangeBenchmark(),
        new IdempotencyBenchmark(),
        new CodeResolutionBenchmark(),
        new BusBenchmark(),
        new FeedLatencyBenchmark(),
        new MemoryBenchmark(),
    ];

    public static RunOptions ParseOptions(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var only = Value("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        var unknown = only?.Where(n => All.All(b => b.Name != n)).ToList();
        if (unknown is { Count: > 0 })
        {
            throw new ArgumentException($"unknown benchmark(s): {string.Join(", ", unknown)}; --help lists them");
        }
        var feed = Value("--feed")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => int.TryParse(n, out var count) && count is > 0 and <= 20_000 ? count : throw new ArgumentException($"--feed takes subscriber counts from 1 to 20,000, not '{n}'"))
            .Distinct().Order().ToList();
        return new RunOptions(args.Contains("--quick"), only, Value("--out") ?? Path.Combine(RepositoryRoot(), "artifacts", "benchmarks")) { FeedSizes = feed };
    }

    public static async Task<int> RunAsync(RunOptions options, CancellationToken cancellationToken)
    {
        var machine = Machine.Describe();
        var started = DateTimeOffset.Now;
        Console.WriteLine($"{machine.Cores} cores, {machine.MemoryGiB} GiB, {machine.Os}, {machine.Runtime}, {machine.Configuration}; load {string.Join(' ', Machine.LoadAverage())}; {OpenFiles.Raise(65_536)}");
        Console.WriteLine("starting the system under the AppHost…");
        var clock = Stopwatch.StartNew();
        await using var system = await BenchSystem.StartAsync(cancellationToken);
        Console.WriteLine($"  started in {clock.Elapsed.TotalSeconds:0} s; gateway {system.Gateway}, data {system.DataDirectory}");
        var context = new BenchContext(system, options);
        // Let start-up work (migrations' aftermath, JIT, first health probes) settle before the idle sample.
        await Task.Delay(TimeSpan.FromSeconds(options.Quick ? 2 : 10), cancellationToken);
        context.SampleMemory("idle");

        var results = new List<BenchmarkResult>();
        foreach (var benchmark in All.Where(b => options.Only is null || options.Only.Contains(b.Name) || b is MemoryBenchmark))
        {
            var result = new BenchmarkResult { Name = benchmark.Name, Title = benchmark.Title, Method = "" };
            Console.WriteLine();
            Console.WriteLine($"== {benchmark.Name}: {benchmark.Title}");
            result.LoadBefore = Machine.LoadAverage();
            var watch = Stopwatch.StartNew();
            try
            {
                await benchmark.RunAsync(context, result, cancellationToken);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // One failing benchmark must not cost the others: the report says what failed and why.
                result.Error = ex.Message;
                Console.WriteLine($"  FAILED: {ex}");
            }
            result.Seconds = watch.Elapsed.TotalSeconds;
            result.LoadAfter = Machine.LoadAverage();
            results.Add(result);
            foreach (var figure in result.Figures)
            {
                Console.WriteLine($"  {Report.Line(figure)}");
            }
        }
        var report = new Report(machine, started, DateTimeOffset.Now, options, results);
        var written = report.Write(options.OutputDirectory);
        Console.WriteLine();
        Console.WriteLine($"report: {string.Join(", ", written)}");
        Console.WriteLine("stopping the system…");
        return results.Any(r => r.Error is not null) ? 1 : 0;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EmergencyOps.sln")))
            {
                return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
