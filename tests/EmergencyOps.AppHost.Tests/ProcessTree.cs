using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace EmergencyOps.AppHost.Tests;

/// <summary>Reads the Linux process table, so a test can tell what an AppHost started and whether it is gone.</summary>
internal static partial class ProcessTree
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    /// <summary>
    /// Ctrl-C when the process can receive it; a runtime started with SIGINT ignored (a background job
    /// of a non-interactive shell, as some CI runners start tests) keeps ignoring it, so SIGTERM then.
    /// </summary>
    public static int StopSignal(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var ignored = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return (ignored & (1UL << (SigInt - 1))) == 0 ? SigInt : SigTerm;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    public static bool IsAlive(int pid)
    {
        // A zombie has finished; only its exit status is left for its parent.
        var stat = Path.Combine("/proc", pid.ToString(System.Globalization.CultureInfo.InvariantCulture), "stat");
        try
        {
            return !File.ReadAllText(stat).Split(')')[^1].TrimStart().StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static IReadOnlySet<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid))
            {
                try
                {
                    var fields = File.ReadAllText(Path.Combine(dir, "stat")).Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    parents[pid] = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    // Exited while we looked.
                }
            }
        }
        var found = new HashSet<int>();
        var frontier = new Queue<int>([root]);
        while (frontier.TryDequeue(out var parent))
        {
            foreach (var (pid, ppid) in parents)
            {
                if (ppid == parent && found.Add(pid))
                {
                    frontier.Enqueue(pid);
                }
            }
        }
        return found;
    }

    public static bool Listening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
