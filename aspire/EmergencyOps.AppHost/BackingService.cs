namespace EmergencyOps.AppHost;

/// <summary>RabbitMQ or Redis: reused when something already listens on the port, otherwise started and owned.</summary>
internal abstract class BackingService(string name, int port) : IAsyncDisposable
{
    protected static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);
    protected static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    public string Name { get; } = name;
    public int Port { get; } = port;
    public abstract string Url { get; }
    public bool Reused { get; private set; }
    public ChildProcess? Process { get; protected set; }
    public string State => Reused ? "reused" : Process?.HasExited == true ? "exited" : "started";

    public async Task StartAsync(CancellationToken ct)
    {
        if (await Probes.AcceptsAsync(Port, ct))
        {
            Reused = true;
            Log.Info($"{Name}: reusing the server already listening on 127.0.0.1:{Port}");
            if (!await Probes.PollAsync(IsReadyAsync, DateTimeOffset.UtcNow.AddSeconds(10), () => false, ct))
            {
                throw new StartupException($"something listens on 127.0.0.1:{Port} but does not answer as {Name}; free the port or choose another with --{Name}-port");
            }

            return;
        }

        await StartOwnAsync(ct);
        Log.Info($"{Name}: waiting for 127.0.0.1:{Port}");
        var ready = await Probes.PollAsync(IsReadyAsync, DateTimeOffset.UtcNow + StartDeadline, () => Process?.HasExited ?? false, ct);
        if (!ready)
        {
            var why = Process?.HasExited == true ? $"exited with code {Process.Exited.Result}" : $"was not ready within {StartDeadline.TotalSeconds:0} s";
            throw new StartupException($"{Name} {why}", Process, DiagnosticTail());
        }

        Log.Info($"{Name}: ready on 127.0.0.1:{Port} (pid {Process?.Pid})");
    }

    /// <summary>Stops only what this AppHost started; a reused server is left running.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Process is null)
        {
            return;
        }

        var graceful = await StopOwnAsync(Process);
        Log.Info(graceful ? $"{Name}: stopped" : $"{Name}: killed after {Grace.TotalSeconds:0} s without stopping");
        Process.Dispose();
        Process = null;
    }

    protected abstract Task<bool> IsReadyAsync(CancellationToken ct);

    protected abstract Task StartOwnAsync(CancellationToken ct);

    /// <summary>Returns false when the server had to be killed.</summary>
    protected virtual Task<bool> StopOwnAsync(ChildProcess process) => process.StopAsync(Grace);

    /// <summary>Extra lines worth showing when start-up fails (e.g. the end of a log file).</summary>
    protected virtual IReadOnlyList<string> DiagnosticTail() => [];

    protected static string Require(string program, string package, params string[] extraDirectories) =>
        Executables.Find(program, extraDirectories)
        ?? throw new StartupException(
            $"{program} is not installed (looked in PATH and {string.Join(", ", extraDirectories)}). "
            + $"Install it with: apt-get install -y {package}   (./run.sh does this when run as root)");
}

/// <summary>Start-up cannot continue; carries the process whose output explains why.</summary>
internal sealed class StartupException(string message, ChildProcess? culprit = null, IReadOnlyList<string>? extra = null)
    : Exception(message)
{
    public ChildProcess? Culprit { get; } = culprit;
    public IReadOnlyList<string> Extra { get; } = extra ?? [];
}
