using System.Globalization;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Finds the service processes this run's orchestrator started, by walking the Linux process table from DCP (which
/// names this process with <c>--monitor PID</c>), so their resident memory can be read; other runs on the machine are
/// never counted.
/// </summary>
internal sealed class ServiceProcesses(int self)
{
    private static readonly Dictionary<string, string> Assemblies = new(StringComparer.Ordinal)
    {
        ["gateway"] = "EmergencyOps.Gateway", ["identity"] = "Identity.API", ["hazards"] = "Hazards.API", ["warnings"] = "Warnings.API",
        ["inventory"] = "Inventory.API", ["shelters"] = "Shelters.API", ["webhooks"] = "Webhooks.API",
    };

    public static IReadOnlyCollection<string> Names => Assemblies.Keys;

    /// <summary>The PID of the resource's own process (the innermost one running its assembly), or null.</summary>
    public int? Find(string resource)
    {
        var assembly = Assemblies[resource];
        var table = Table();
        var ours = Descendants(table);
        var candidates = ours.Where(pid =>
        {
            var args = CommandLine(pid).Split('\0');
            return args.Any(a => a.EndsWith(assembly, StringComparison.Ordinal) || a.EndsWith(assembly + ".dll", StringComparison.Ordinal))
                && !args.Contains("--migrate") && !args.Contains(UncachedHazards.SwitchArgument);
        }).ToHashSet();
        // `dotnet run` (if used) and the app both name the assembly: the app is the one with no such child.
        return candidates.Where(pid => !candidates.Any(c => table.GetValueOrDefault(c) == pid)).Select(pid => (int?)pid).FirstOrDefault();
    }

    /// <summary>Resident memory (MB) of every service process, by resource name.</summary>
    public Dictionary<string, double> ResidentMegabytes() =>
        Names.ToDictionary(n => n, n => Find(n) is { } pid ? Machine.ResidentMegabytes(pid) : double.NaN, StringComparer.Ordinal);

    private HashSet<int> Descendants(Dictionary<int, int> table)
    {
        var monitor = $"--monitor\0{self.ToString(CultureInfo.InvariantCulture)}\0";
        var found = table.Keys.Where(pid => CommandLine(pid).Contains(monitor, StringComparison.Ordinal)).Append(self).ToHashSet();
        var frontier = new Queue<int>(found);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (pid, ppid) in table)
            {
                if (ppid == parent && found.Add(pid))
                {
                    frontier.Enqueue(pid);
                }
            }
        }
        return found;
    }

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }

    private static Dictionary<int, int> Table()
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid))
            {
                try
                {
                    var fields = File.ReadAllText(Path.Combine(dir, "stat")).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                {
                    // Exited while we looked.
                }
            }
        }
        return parents;
    }
}
