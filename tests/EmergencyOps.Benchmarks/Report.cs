using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EmergencyOps.Benchmarks;

/// <summary>The run's report: <c>&lt;date&gt;.json</c> (every round's values), <c>&lt;date&gt;.md</c> and one PNG chart per benchmark.</summary>
internal sealed class Report(Machine machine, DateTimeOffset started, DateTimeOffset finished, RunOptions options, IReadOnlyList<BenchmarkResult> results)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Date { get; } = started.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public IReadOnlyList<string> Write(string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var result in results.Where(r => r.Figures.Count > 0))
        {
            result.Charts.Clear();
            result.Charts.AddRange(Charts.Draw(directory, $"{Date}-{result.Name}", result));
            written.AddRange(result.Charts);
        }
        var json = Path.Combine(directory, Date + ".json");
        File.WriteAllText(json, JsonSerializer.Serialize(new
        {
            date = Date, started, finished, quick = options.Quick, roundsPerSide = options.RoundsPerSide,
            roundSeconds = options.Round.TotalSeconds, machine, benchmarks = results,
        }, Json));
        var markdown = Path.Combine(directory, Date + ".md");
        File.WriteAllText(markdown, MarkdownReport.Render(this, machine, started, finished, options, results));
        return [json, markdown, .. written];
    }

    /// <summary>A figure in one line: baseline, candidate and their comparison, with the goal.</summary>
    public static string Line(Figure f) =>
        $"{f.Name}: " + (f.Compare == Comparison.None
            ? $"{Format(f.CandidateMedian)} {f.Unit}"
            : $"{f.BaselineLabel} {Format(f.BaselineMedian)} {f.Unit}, {f.CandidateLabel} {Format(f.CandidateMedian)} {f.Unit}, {Versus(f)}")
        + (f.Goal is null ? "" : $" (goal {f.Goal}: {(f.Met is true ? "met" : f.Met is false ? "missed" : "—")})");

    public static string Versus(Figure f) => f.Versus is not { } v ? "—"
        : f.Compare == Comparison.Ratio ? $"×{v.ToString("0.00", CultureInfo.InvariantCulture)}"
        : $"{(v >= 0 ? "+" : "−")}{Format(Math.Abs(v))} {f.Unit}";

    public static string Format(double v) =>
        double.IsNaN(v) ? "—" : v.ToString(Math.Abs(v) >= 100 ? "0" : Math.Abs(v) >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
}
