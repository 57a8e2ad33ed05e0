using System.Runtime.InteropServices;

namespace EmergencyOps.AppHost;

/// <summary>
/// Turns SIGINT, SIGTERM and SIGHUP into a cancellation. The default termination is cancelled so the
/// AppHost can stop its children in order; a second signal only reports that stopping is under way.
/// </summary>
internal sealed class ShutdownSignal : IDisposable
{
    private readonly CancellationTokenSource source = new();
    private readonly PosixSignalRegistration[] registrations;

    public ShutdownSignal() =>
        registrations = [.. new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP }
            .Select(signal => PosixSignalRegistration.Create(signal, OnSignal))];

    public CancellationToken Token => source.Token;

    /// <summary>
    /// True when SIGINT was already ignored at start (a background job of a script, nohup): .NET then
    /// keeps ignoring it, so only SIGTERM can stop the AppHost.
    /// </summary>
    public static bool InterruptIgnored()
    {
        const ulong sigIntBit = 1UL << (2 - 1);
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
            return line is not null
                && ulong.TryParse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, null, out var mask)
                && (mask & sigIntBit) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        foreach (var registration in registrations)
        {
            registration.Dispose();
        }

        source.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        context.Cancel = true;
        if (source.IsCancellationRequested)
        {
            Log.Info($"{context.Signal} received; already stopping");
            return;
        }

        Log.Info($"{context.Signal} received; stopping everything");
        // Asynchronously, so the shutdown never runs on the runtime's signal-handling thread.
        _ = source.CancelAsync();
    }
}
