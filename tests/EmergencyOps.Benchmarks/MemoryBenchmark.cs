namespace EmergencyOps.Benchmarks;

/// <summary>
/// Resident memory (VmRSS) of each service: idle after start, after the stock load and with the feed's subscribers
/// connected, from the samples the other benchmarks took. Runs last.
/// </summary>
internal sealed class MemoryBenchmark : IBenchmark
{
    private const double Limit = 250;

    public string Name => "memory";

    public string Title => "Memory: RSS of each service, idle and under load";

    public Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken)
    {
        context.SampleMemory("at the end");
        var idle = context.Memory.First();
        foreach (var (moment, sample) in context.Memory.Skip(1))
        {
            foreach (var service in ServiceProcesses.Names)
            {
                var figure = new Figure
                {
                    Name = $"{service}, {moment}", Unit = "MB", Compare = Comparison.Difference, BaselineLabel = "idle", CandidateLabel = moment,
                    Baseline = [Megabytes(idle.Services[service])], Candidate = [Megabytes(sample[service])], Goal = "≤ 250 MB",
                };
                result.Figures.Add(figure with { Met = figure.CandidateMedian <= Limit });
            }
        }
        foreach (var (moment, sample) in context.Memory)
        {
            result.Notes.Add($"{char.ToUpperInvariant(moment[0])}{moment[1..]}: {string.Join("; ", sample.Select(s => $"{s.Key} {s.Value?.ToString() ?? "gone"}"))}.");
        }
        result.Notes.Add("Parts (from /proc/PID/status): private is the managed heap, native heaps (SQLite's page caches among them) and thread stacks; "
            + "executable is the runtime's memory for JIT'd code and stubs, mapped through a shared memory file in a writable and an executable view (W^X), "
            + "a page mapped in both counting twice; mapped files are the runtime's and libraries' images, the same pages in every service and resident once on the machine.");
        result.Notes.Add("One sample per moment (not rounds): VmRSS from /proc/PID/status of each service's process, found in the process tree of this run's orchestrator. "
            + "Moments: idle 10 s after start; after the stock-change benchmark's measured rounds (before its CPU and profiled rounds); with the most feed subscribers connected through the gateway; at the end of the run.");
        return Task.CompletedTask;
    }

    private static double Megabytes(ResidentMemory? memory) => memory?.Total ?? double.NaN;
}
