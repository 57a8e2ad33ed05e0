namespace EmergencyOps.Benchmarks;

/// <summary>What the command line chose.</summary>
internal sealed record RunOptions(bool Quick, IReadOnlySet<string>? Only, string OutputDirectory)
{
    /// <summary>Rounds of each side: the median of three is the least the report accepts.</summary>
    public int RoundsPerSide { get; init; } = 3;

    /// <summary>How long one round of load lasts.</summary>
    public TimeSpan Round => Quick ? TimeSpan.FromSeconds(2) : TimeSpan.FromSeconds(5);

    /// <summary>The feed's subscriber counts, when the command line names them (to study one size, e.g. its memory).</summary>
    public IReadOnlyList<int>? FeedSizes { get; init; }
}

/// <summary>One benchmark: a small class that fills in its result's figures and notes.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Title { get; }

    Task RunAsync(BenchContext context, BenchmarkResult result, CancellationToken cancellationToken);
}

/// <summary>What every benchmark shares: the system, the options, the seeded records, and memory samples for the report.</summary>
internal sealed class BenchContext(BenchSystem system, RunOptions options)
{
    public BenchSystem System { get; } = system;

    public RunOptions Options { get; } = options;

    public Seed Seed { get; } = new(system);

    /// <summary>Resident memory of every service at named moments ("idle", "after the stock load", …); null for one that is gone.</summary>
    public List<(string Moment, Dictionary<string, ResidentMemory?> Services)> Memory { get; } = [];

    public void SampleMemory(string moment)
    {
        var sample = System.Processes.ResidentMemory();
        Memory.Add((moment, sample));
        Console.WriteLine($"  memory {moment}: {string.Join(", ", sample.Select(s => $"{s.Key} {s.Value?.Total:0} MB"))}");
    }
}
