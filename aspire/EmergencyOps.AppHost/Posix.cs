using System.Runtime.InteropServices;
using System.Runtime.Versioning;

// Signals, sessions and process groups are POSIX: the AppHost orchestrates Linux (and macOS) machines.
[assembly: UnsupportedOSPlatform("windows")]

namespace EmergencyOps.AppHost;

/// <summary>The one libc call the BCL lacks: sending a chosen signal (SIGTERM lets a service drain).</summary>
internal static partial class Posix
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    /// <summary>Sends <paramref name="signal"/>; a negative pid addresses a whole process group.</summary>
    public static bool Signal(int pid, int signal) => Kill(pid, signal) == 0;

    /// <summary>Whether any process of the group still exists (signal 0 only checks).</summary>
    public static bool GroupAlive(int processGroup) => Kill(-processGroup, 0) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int Kill(int pid, int signal);
}
