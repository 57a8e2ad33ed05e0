using System.Globalization;

namespace EmergencyOps.AppHost;

/// <summary>The "where is everything" summary printed once the topology is ready.</summary>
internal static class StatusTable
{
    private static readonly string[] Header = ["name", "url", "pid", "state"];

    public static void Print(HostContext host, IEnumerable<BackingService> backing, ServiceRunner services)
    {
        var rows = new List<string[]> { Header };
        rows.AddRange(backing.Select(b => new[] { b.Name, b.Url, Pid(b.Process), b.State }));
        rows.AddRange(services.Running.Select(r => new[] { r.Spec.Name, r.Spec.Url, Pid(r.Process), r.Process.HasExited ? "exited" : "ready" }));

        var widths = Enumerable.Range(0, 4).Select(c => rows.Max(r => r[c].Length)).ToArray();
        string Format(string[] row) => string.Join(" | ", row.Select((cell, c) => cell.PadRight(widths[c]))).TrimEnd();

        Log.Plain(string.Empty);
        Log.Plain(Format(rows[0]));
        Log.Plain(string.Join("-+-", widths.Select(w => new string('-', w))));
        foreach (var row in rows.Skip(1))
        {
            Log.Plain(Format(row));
        }

        Log.Plain($"data dir: {host.DataDir}");
        Log.Plain(string.Empty);
    }

    private static string Pid(ChildProcess? process) =>
        process is null ? "-" : process.Pid.ToString(CultureInfo.InvariantCulture);
}
