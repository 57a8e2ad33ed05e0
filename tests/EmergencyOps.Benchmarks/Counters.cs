using System.Globalization;

namespace EmergencyOps.Benchmarks;

/// <summary>Reads a <c>dotnet-counters collect</c> CSV: per counter, a rate's total and per-second figure, or a gauge's mean and maximum.</summary>
internal static class Counters
{
    public static string Summarize(string csv)
    {
        var rows = File.ReadLines(csv).Skip(1)
            .Select(line => line.Split(','))
            .Where(cells => cells.Length >= 5 && double.TryParse(cells[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            .Select(cells => (At: cells[0], Name: string.Join(',', cells[2..^2]), Kind: cells[^2], Value: double.Parse(cells[^1], CultureInfo.InvariantCulture)))
            .ToList();
        if (rows.Count == 0)
        {
            return "no counter values were recorded";
        }
        var seconds = Math.Max(1, rows.Select(r => r.At).Distinct().Count());
        return string.Join('\n', rows.GroupBy(r => (r.Name, r.Kind)).OrderBy(g => g.Key.Name, StringComparer.Ordinal).Select(g =>
            g.Key.Kind.Contains("Rate", StringComparison.OrdinalIgnoreCase) || g.Key.Kind.Contains("Sum", StringComparison.OrdinalIgnoreCase)
                ? string.Create(CultureInfo.InvariantCulture, $"- {g.Key.Name}: {g.Sum(r => r.Value):0.###} in {seconds} s ({g.Sum(r => r.Value) / seconds:0.###} per s)")
                : string.Create(CultureInfo.InvariantCulture, $"- {g.Key.Name}: mean {g.Average(r => r.Value):0.###}, max {g.Max(r => r.Value):0.###}")));
    }
}
