using ScottPlot;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// One PNG per benchmark and unit: each figure's baseline and candidate medians as bars side by side, every round as
/// a dot on its bar, so the spread behind a median is visible.
/// </summary>
internal static class Charts
{
    private static readonly Color BaselineColor = Color.FromHex("#9aa5b1");
    private static readonly Color CandidateColor = Color.FromHex("#1f6fb2");

    public static IEnumerable<string> Draw(string directory, string stem, BenchmarkResult result)
    {
        foreach (var group in result.Figures.Where(f => f.Candidate.Any(v => !double.IsNaN(v))).GroupBy(f => f.Unit))
        {
            var figures = group.ToList();
            var plot = new Plot();
            var ticks = new List<(double Position, string Label)>();
            for (var i = 0; i < figures.Count; i++)
            {
                var f = figures[i];
                var x = i * 3.0;
                if (f.Compare != Comparison.None)
                {
                    AddSide(plot, x, f.Baseline, BaselineColor);
                    AddSide(plot, x + 1, f.Candidate, CandidateColor);
                    ticks.Add((x + 0.5, $"{f.Name}\n{f.BaselineLabel} | {f.CandidateLabel}"));
                }
                else
                {
                    AddSide(plot, x + 0.5, f.Candidate, CandidateColor);
                    ticks.Add((x + 0.5, $"{f.Name}\n{f.CandidateLabel}"));
                }
            }
            plot.Axes.Bottom.SetTicks([.. ticks.Select(t => t.Position)], [.. ticks.Select(t => t.Label)]);
            plot.Axes.Margins(bottom: 0);
            plot.Title(result.Title);
            plot.YLabel(group.Key);
            var file = Path.Combine(directory, $"{stem}-{Slug(group.Key)}.png");
            plot.SavePng(file, Math.Max(640, 150 * figures.Count + 200), 420);
            yield return file;
        }
    }

    private static void AddSide(Plot plot, double x, double[] rounds, Color color)
    {
        var values = rounds.Where(v => !double.IsNaN(v)).ToArray();
        if (values.Length == 0)
        {
            return;
        }
        var bar = plot.Add.Bar(new Bar { Position = x, Value = Stats.Median(values), FillColor = color, Size = 0.9 });
        bar.ValueLabelStyle.FontSize = 11;
        var dots = plot.Add.ScatterPoints(values.Select(_ => x).ToArray(), values);
        dots.Color = Colors.Black;
        dots.MarkerSize = 5;
    }

    private static string Slug(string unit) => unit switch
    {
        "ms" => "latency",
        "requests/s" or "changes/s" or "messages/s" => "throughput",
        "MB" => "memory",
        _ => new string([.. unit.Where(char.IsAsciiLetterOrDigit)]) is { Length: > 0 } s ? s.ToLowerInvariant() : "values",
    };
}
