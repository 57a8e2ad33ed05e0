using System.Diagnostics;
using System.Globalization;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Profiles one service process while a load runs: <c>dotnet-counters</c> (CPU, lock contention, thread pool, GC) and
/// <c>dotnet-trace</c> sampling every thread's stack about 100 times a second (wall-clock time, so time spent waiting
/// shows as much as time spent computing), then <c>dotnet-trace report topN</c>. Both are the repository's local tools
/// (<c>dotnet tool restore</c>); without them the load runs unprofiled and the report says so.
/// </summary>
internal static partial class Profiler
{
    public static async Task<string?> MissingToolsAsync(CancellationToken cancellationToken)
    {
        var (code, output) = await RunAsync(["tool", "run", "dotnet-trace", "--version"], cancellationToken);
        return code == 0 ? null : $"dotnet-trace is not restored (run `dotnet tool restore`): {output.Trim()}";
    }

    /// <summary>Runs <paramref name="load"/> while the process is profiled; writes the counters and the summary beside the report and returns the summary's path.</summary>
    public static async Task<string> DuringAsync(int pid, string directory, string stem, TimeSpan duration, Func<Task> load, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var trace = Path.Combine(directory, stem + ".nettrace");
        var counters = Path.Combine(directory, stem + "-counters.csv");
        var span = duration.ToString(@"dd\:hh\:mm\:ss", CultureInfo.InvariantCulture);
        var pidText = pid.ToString(CultureInfo.InvariantCulture);
        var tracing = RunAsync(["tool", "run", "dotnet-trace", "collect", "-p", pidText, "--profile", "dotnet-sampled-thread-time", "--duration", span, "-o", trace], cancellationToken);
        var counting = RunAsync(["tool", "run", "dotnet-counters", "collect", "-p", pidText, "--refresh-interval", "1", "--format", "csv", "-o", counters, "--duration", span,
            "--counters", "System.Runtime[dotnet.process.cpu.time,dotnet.monitor.lock_contentions,dotnet.thread_pool.queue.length,dotnet.thread_pool.thread.count,dotnet.gc.collections,dotnet.gc.heap.total_allocated,dotnet.gc.last_collection.heap.size,dotnet.gc.last_collection.memory.committed_size,dotnet.process.memory.working_set]"], cancellationToken);
        // Both sessions attach within a second; the load then fills the window they record.
        await Task.Delay(TimeSpan.FromSeconds(1.5), cancellationToken);
        await load();
        var (traceExit, traceOutput) = await tracing;
        var (countersExit, countersOutput) = await counting;
        var top = traceExit == 0 && File.Exists(trace)
            ? await TopAsync(trace, cancellationToken)
            : $"dotnet-trace failed ({traceExit}): {traceOutput}";
        var summary = countersExit == 0 && File.Exists(counters) ? Counters.Summarize(counters) : $"dotnet-counters failed ({countersExit}): {countersOutput}";
        var text = Path.Combine(directory, stem + ".txt");
        await File.WriteAllTextAsync(text, $"# {stem}: process {pid}, {duration.TotalSeconds:0} s\n\n## dotnet-counters\n{summary}\n\n## dotnet-trace report topN (sampled thread time)\n{top}\n", cancellationToken);
        // Tens of MB each; the summary above is what the report keeps.
        File.Delete(trace);
        File.Delete(trace + ".etlx");
        return text;
    }

    // Threads sampled while parked (an idle pool thread, a blocked wait) are most of the samples and say nothing about
    // where the work goes: they are left out, and the rest keep their share of all samples.
    private static readonly string[] Idle =
    [
        "LowLevelLifoSemaphore", "Monitor.Wait", "WaitHandle.Wait", "ManualResetEventSlim.Wait", "Interop+Sys.Read", "Interop+Sys.WaitForSocketEvents",
        "Thread.StartCore", "WorkerThreadStart", "PollGC", "ThreadPoolWorkQueue.Dispatch", "WaitSubsystem", "Missing Symbol",
        "Thread.StartCallback", "PortableThreadPool+GateThread", "SocketAsyncEngine.EventLoop", "(Non-Activities)", "Threads",
        "ExecutionContext.Run", "StartHelper.Callback", "DedicatedThreadPoolPipeScheduler", "TimerQueue.TimerThread", "FileSystemWatcher", "Heartbeat.TimerLoop",
        "Program.<Main>$", "SpinThenBlockingWait", "InternalWaitCore", "Program.<Main>(", "Program+<<Main>$>", "HostingAbstractionsHostExtensions.Run",
        "Task.InternalWait(", "TaskAwaiter.HandleNonSuccess",
        // The finalizer thread waiting for work, and dotnet-counters' own collection in the process.
        "GC.RunFinalizers", "AggregationManager", "CounterGroup.PollForValues", "MetricsEventSource", "MeterListener.Start", "EventPipeEventProvider",
        "EventProviderImpl.ProviderCallback", "EventSource+OverrideEventProvider", "EventSource.SendCommand", "EventSource.DoCommand",
    ];

    private static async Task<string> TopAsync(string trace, CancellationToken cancellationToken)
    {
        var exclusive = await RowsAsync(trace, inclusive: false, cancellationToken);
        var inclusive = await RowsAsync(trace, inclusive: true, cancellationToken);
        // Shares of the samples of threads at work: the parked ones say nothing about where the work goes. A frame whose
        // inclusive time is more than that (a thread's root) holds parked time too, and is left out.
        var busy = exclusive.Sum(r => r.Exclusive);
        string Lines(IEnumerable<(string Name, double Share)> rows) =>
            string.Join('\n', rows.Take(30).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Share,7:P1}  {r.Name}")));
        return string.Create(CultureInfo.InvariantCulture, $"Busy samples: {busy:0.##}% of all sampled thread time; the shares below are of those.\n\n")
            + $"### exclusive\n{Lines(exclusive.Select(r => (r.Name, r.Exclusive / busy)))}\n\n"
            + $"### inclusive\n{Lines(inclusive.Where(r => r.Inclusive <= busy).Select(r => (r.Name, r.Inclusive / busy)))}";
    }

    private static async Task<List<(string Name, double Inclusive, double Exclusive)>> RowsAsync(string trace, bool inclusive, CancellationToken cancellationToken)
    {
        string[] arguments = ["tool", "run", "dotnet-trace", "report", trace, "topN", "-n", "150", .. inclusive ? new[] { "--inclusive" } : []];
        var (_, output) = await RunAsync(arguments, cancellationToken);
        return [.. output.Split('\n').Select(l => Row().Match(l)).Where(m => m.Success)
            .Select(m => (Name: m.Groups["name"].Value.Trim(), Inclusive: Percent(m, "inclusive"), Exclusive: Percent(m, "exclusive")))
            .Where(r => !Idle.Any(i => r.Name.Contains(i, StringComparison.Ordinal)))];
    }

    private static double Percent(System.Text.RegularExpressions.Match match, string group) =>
        double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\d+\.\s+(?<name>.+?)\s+(?<inclusive>\d+(?:\.\d+)?)%\s+(?<exclusive>\d+(?:\.\d+)?)%\s*$")]
    private static partial System.Text.RegularExpressions.Regex Row();

    private static async Task<(int Code, string Output)> RunAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Suite.RepositoryRoot() };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }
}
