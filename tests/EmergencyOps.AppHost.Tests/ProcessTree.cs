using System.Globalization;
using System.Runtime.InteropServices;

namespace EmergencyOps.AppHost.Tests;

/// <summary>Reads the Linux process table, so a test can tell what an AppHost started and whether it is gone.</summary>
internal static partial class ProcessTree
{
    public const int SigInt = 2;
    public const int SigTerm = 15;
    public const int SigKill = 9;
    public const int SigStop = 19;
    public const int SigCont = 18;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    public static bool IsAlive(int pid)
    {
        // A zombie has finished; only its exit status is left for its parent.
        try
        {
            return !File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].TrimStart().StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static string Name(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/comm").Trim();
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>
    /// The AppHost's own descendants and those of the orchestrator (DCP) it launched: DCP detaches from the
    /// AppHost, but names it with <c>--monitor PID</c> so as to stop everything when it goes.
    /// </summary>
    public static IReadOnlySet<int> StartedBy(int apphost)
    {
        var table = Table();
        var monitor = $"--monitor\0{apphost.ToString(CultureInfo.InvariantCulture)}\0";
        var roots = table.Keys.Where(pid => CommandLine(pid).Contains(monitor, StringComparison.Ordinal)).Append(apphost);
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

    private static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline");
        }
        catch (IOException)
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
                catch (IOException)
                {
                    // Exited while we looked.
                }
            }
        }
        return parents;
    }
}
