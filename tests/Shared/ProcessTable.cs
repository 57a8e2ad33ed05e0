using System.Globalization;

namespace EmergencyOps.Testing.Processes;

/// <summary>
/// The Linux process table, read from /proc: each process's parent and command line, and what an AppHost started. Compiled
/// into the AppHost tests and the benchmarks (linked source), so the console app pulls in no test framework.
/// </summary>
internal static class ProcessTable
{
    /// <summary>
    /// The AppHost's descendants and those of the orchestrator (DCP) it launched: DCP detaches from the AppHost, but names
    /// it with <c>--monitor PID</c> so as to stop everything when it goes. The AppHost itself is not in the set.
    /// </summary>
    public static HashSet<int> StartedBy(int apphost, IReadOnlyDictionary<int, int>? parents = null)
    {
        var table = parents ?? Parents();
        var monitor = $"--monitor\0{apphost.ToString(CultureInfo.InvariantCulture)}\0";
        var roots = table.Keys.Where(pid => CommandLine(pid).Contains(monitor, StringComparison.Ordinal)).Append(apphost).ToList();
        var found = new HashSet<int>(roots.Where(pid => pid != apphost));
        var frontier = new Queue<int>(roots);
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

    /// <summary>The command line's arguments separated by NUL, as the kernel keeps them; empty for a process that is gone.</summary>
    public static string CommandLine(int pid)
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

    /// <summary>Every process's parent, by process id.</summary>
    public static Dictionary<int, int> Parents()
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
