using System.Runtime.InteropServices;
using EmergencyOps.Testing.Processes;

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

    /// <summary>The variable a test system sets on each of its processes, to its data folder.</summary>
    public const string SystemMarker = "EMERGENCYOPS_TEST_SYSTEM";

    /// <summary>The program a process runs (its command line's first word), or "" when it is gone.</summary>
    public static string Program(int pid) => ProcessTable.CommandLine(pid).Split('\0')[0];

    /// <summary>A process's environment ("NAME=value" each), or none when it is gone.</summary>
    public static IReadOnlyList<string> Environment(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The AppHost's descendants and the orchestrator's (see <see cref="ProcessTable.StartedBy"/>).</summary>
    public static IReadOnlySet<int> StartedBy(int apphost) => ProcessTable.StartedBy(apphost);
}
