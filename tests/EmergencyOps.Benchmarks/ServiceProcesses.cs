using EmergencyOps.Testing.Processes;

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
        var table = ProcessTable.Parents();
        var ours = ProcessTable.StartedBy(self, table);
        var candidates = ours.Where(pid =>
        {
            var args = ProcessTable.CommandLine(pid).Split('\0');
            return args.Any(a => a.EndsWith(assembly, StringComparison.Ordinal) || a.EndsWith(assembly + ".dll", StringComparison.Ordinal))
                && !args.Contains("--migrate") && !args.Contains(UncachedHazards.SwitchArgument);
        }).ToHashSet();
        // `dotnet run` (if used) and the app both name the assembly: the app is the one with no such child.
        return candidates.Where(pid => !candidates.Any(c => table.GetValueOrDefault(c) == pid)).Select(pid => (int?)pid).FirstOrDefault();
    }

    /// <summary>The PID of a process of this run by its executable's name (<c>beam.smp</c> for the broker), or null.</summary>
    public int? FindExecutable(string name) => ProcessTable.StartedBy(self).Select(pid => (int?)pid).FirstOrDefault(pid => Executable(pid!.Value) == name);

    private static string? Executable(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").TrimEnd('\n');
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Resident memory of every service process, by resource name; null for one that is gone.</summary>
    public Dictionary<string, ResidentMemory?> ResidentMemory() =>
        Names.ToDictionary(n => n, n => Find(n) is { } pid ? Benchmarks.ResidentMemory.Of(pid) : null, StringComparer.Ordinal);
}
