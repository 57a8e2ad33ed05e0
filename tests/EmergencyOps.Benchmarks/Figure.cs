using System.Text.Json.Serialization;

namespace EmergencyOps.Benchmarks;

/// <summary>How a figure's candidate is set beside its baseline.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Comparison>))]
internal enum Comparison
{
    /// <summary>No baseline: the figure is reported as measured.</summary>
    None,

    /// <summary>Candidate ÷ baseline (throughputs).</summary>
    Ratio,

    /// <summary>Candidate − baseline (latencies: what the candidate adds).</summary>
    Difference,
}

/// <summary>
/// One reported number: the per-round values of the baseline and of the candidate, measured in the same run, and
/// their medians. A goal, where the issue sets one, is judged by the benchmark that measured it.
/// </summary>
internal sealed record Figure
{
    public required string Name { get; init; }

    public required string Unit { get; init; }

    public string BaselineLabel { get; init; } = "direct";

    public string CandidateLabel { get; init; } = "gateway";

    public double[] Baseline { get; init; } = [];

    public required double[] Candidate { get; init; }

    public Comparison Compare { get; init; }

    public string? Goal { get; init; }

    public bool? Met { get; init; }

    public double BaselineMedian => Stats.Median(Baseline);

    public double CandidateMedian => Stats.Median(Candidate);

    /// <summary>The comparison of the medians, as <see cref="Compare"/> says; null without a baseline.</summary>
    public double? Versus => Compare switch
    {
        Comparison.Ratio => CandidateMedian / BaselineMedian,
        Comparison.Difference => CandidateMedian - BaselineMedian,
        _ => null,
    };
}

/// <summary>One benchmark's outcome: its figures, what the reader should know about them, and the machine's load around it.</summary>
internal sealed class BenchmarkResult
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public required string Method { get; init; }

    public List<Figure> Figures { get; } = [];

    public List<string> Notes { get; } = [];

    public List<string> Charts { get; } = [];

    public double[] LoadBefore { get; set; } = [];

    public double[] LoadAfter { get; set; } = [];

    public double Seconds { get; set; }

    public string? Error { get; set; }
}
