using System.Globalization;
using System.Text;

namespace EmergencyOps.Benchmarks;

/// <summary>The Markdown report: the machine, a summary table of every figure beside its baseline, then each benchmark.</summary>
internal static class MarkdownReport
{
    public static string Render(Report report, Machine machine, DateTimeOffset started, DateTimeOffset finished, RunOptions options, IReadOnlyList<BenchmarkResult> results)
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"# EmergencyOps benchmarks, {report.Date}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {machine.Cores} cores ({machine.Cpu}), {machine.MemoryGiB} GiB, {machine.Os}, {machine.Runtime}; build {machine.Configuration}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Run: {started:yyyy-MM-dd HH:mm} to {finished:HH:mm} ({(finished - started).TotalMinutes:0.0} min){(options.Quick ? ", **quick** (short rounds, fewer subscribers)" : "")}; "
            + $"{options.RoundsPerSide} rounds per side of {options.Round.TotalSeconds:0} s each unless a benchmark says otherwise, in ABBA order (baseline, candidate, candidate, baseline, …); every figure is the median of its rounds.");
        md.AppendLine("- The system ran under the Aspire AppHost with one replica of each service, its own RabbitMQ, Redis and SQLite files; "
            + "the load generator ran on the same machine, so it shares the cores with what it measures.");
        md.AppendLine();
        md.AppendLine("## Summary");
        md.AppendLine();
        md.AppendLine("| benchmark | figure | baseline | candidate | candidate vs baseline | goal | met |");
        md.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var r in results)
        {
            foreach (var f in r.Figures)
            {
                var baseline = f.Compare == Comparison.None ? "—" : $"{f.BaselineLabel}: {Report.Format(f.BaselineMedian)} {f.Unit}";
                md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {f.Name} | {baseline} | {f.CandidateLabel}: {Report.Format(f.CandidateMedian)} {f.Unit} | {Report.Versus(f)} | {f.Goal ?? "—"} | {Met(f)} |");
            }
            if (r.Error is not null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | **failed**: {Escape(r.Error)} | | | | | |");
            }
        }
        foreach (var r in results)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"## {r.Title} (`{r.Name}`)");
            md.AppendLine();
            if (r.Method.Length > 0)
            {
                md.AppendLine(r.Method);
                md.AppendLine();
            }
            md.AppendLine(CultureInfo.InvariantCulture, $"Took {r.Seconds:0} s; load average (1/5/15 min) before {string.Join(" ", r.LoadBefore)}, after {string.Join(" ", r.LoadAfter)}.");
            md.AppendLine();
            foreach (var chart in r.Charts)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"![{r.Name}]({Path.GetFileName(chart)})");
                md.AppendLine();
            }
            if (r.Figures.Count > 0)
            {
                md.AppendLine("| figure | baseline rounds | candidate rounds | medians | vs |");
                md.AppendLine("| --- | --- | --- | --- | --- |");
                foreach (var f in r.Figures)
                {
                    md.AppendLine(CultureInfo.InvariantCulture,
                        $"| {f.Name} ({f.Unit}) | {Rounds(f.BaselineLabel, f.Baseline)} | {Rounds(f.CandidateLabel, f.Candidate)} | "
                        + $"{(f.Compare == Comparison.None ? "" : Report.Format(f.BaselineMedian) + " → ")}{Report.Format(f.CandidateMedian)} | {Report.Versus(f)} |");
                }
                md.AppendLine();
            }
            foreach (var note in r.Notes)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- {note}");
            }
            if (r.Error is not null)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- **Failed**: {Escape(r.Error)}");
            }
        }
        return md.ToString();
    }

    private static string Met(Figure f) => f.Met switch { true => "yes", false => "**no**", _ => "—" };

    private static string Rounds(string label, double[] values) =>
        values.Length == 0 ? "—" : $"{label}: {string.Join(", ", values.Select(Report.Format))}";

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}
