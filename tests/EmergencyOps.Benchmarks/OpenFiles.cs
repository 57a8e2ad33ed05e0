using System.Runtime.InteropServices;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Raises this process's open-file limit before the system starts, so the orchestrator and the services inherit it:
/// 5,000 feed subscribers hold 5,000 sockets here and in the warnings service, and 10,000 in the gateway (the client's
/// and its own to warnings). Raising the hard limit needs root (CAP_SYS_RESOURCE); otherwise the soft limit goes up to
/// the hard one.
/// </summary>
internal static partial class OpenFiles
{
    private const int NoFile = 7; // RLIMIT_NOFILE on Linux

    public static string Raise(ulong wanted)
    {
        if (!OperatingSystem.IsLinux() || getrlimit(NoFile, out var limit) != 0)
        {
            return "open-file limit unchanged";
        }
        var before = limit.Current;
        var raised = new Limit { Current = Math.Max(before, wanted), Maximum = Math.Max(limit.Maximum, wanted) };
        if (setrlimit(NoFile, raised) != 0)
        {
            raised = new Limit { Current = Math.Max(before, Math.Min(wanted, limit.Maximum)), Maximum = limit.Maximum };
            _ = setrlimit(NoFile, raised);
        }
        _ = getrlimit(NoFile, out limit);
        return $"open-file limit {before} → {limit.Current}";
    }

    /// <summary>This process's soft open-file limit (which the processes it starts inherit); unlimited where it cannot be read.</summary>
    public static ulong Current() => OperatingSystem.IsLinux() && getrlimit(NoFile, out var limit) == 0 ? limit.Current : ulong.MaxValue;

    [StructLayout(LayoutKind.Sequential)]
    private struct Limit
    {
        public ulong Current;
        public ulong Maximum;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int getrlimit(int resource, out Limit limit);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int setrlimit(int resource, in Limit limit);
}
