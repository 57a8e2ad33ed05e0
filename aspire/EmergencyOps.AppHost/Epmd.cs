namespace EmergencyOps.AppHost;

/// <summary>
/// The Erlang port mapper. An epmd that already runs is shared; otherwise we run one in the
/// foreground as our own child, because the one Erlang would start itself is a daemon that stays behind.
/// </summary>
internal sealed class Epmd : IDisposable
{
    private const int DefaultPort = 4369;
    private readonly ChildProcess process;
    private readonly string program;

    private Epmd(ChildProcess process, string program)
    {
        this.process = process;
        this.program = program;
    }

    /// <summary>Returns the epmd we started, or null when an existing one is shared.</summary>
    public static async Task<Epmd?> EnsureAsync(CancellationToken ct)
    {
        var port = int.TryParse(System.Environment.GetEnvironmentVariable("ERL_EPMD_PORT"), out var p) ? p : DefaultPort;
        if (await Probes.AcceptsAsync(port, ct))
        {
            return null;
        }

        var program = Executables.Find("epmd", "/usr/bin", "/usr/lib/erlang/bin")
            ?? throw new StartupException("epmd is not installed; it comes with rabbitmq-server: apt-get install -y rabbitmq-server");
        var child = ChildProcess.Start("epmd", program, [], "/");
        var ready = await Probes.PollAsync(
            token => Probes.AcceptsAsync(port, token), DateTimeOffset.UtcNow.AddSeconds(10), () => child.HasExited, ct);
        return ready ? new Epmd(child, program) : throw new StartupException("epmd did not start", child);
    }

    /// <summary>Stops our epmd unless another Erlang node registered with it meanwhile.</summary>
    public async Task StopAsync()
    {
        var (_, names) = await ChildProcess.RunAsync("epmd", program, ["-names"], "/", null, TimeSpan.FromSeconds(5));
        var others = names.Where(line => line.StartsWith("name ", StringComparison.Ordinal)).ToList();
        if (others.Count > 0)
        {
            Log.Info($"epmd: left running (pid {process.Pid}) because other Erlang nodes use it: {string.Join("; ", others)}");
            return;
        }

        await process.StopAsync(TimeSpan.FromSeconds(5));
        Dispose();
    }

    public void Dispose() => process.Dispose();
}

internal static class EpmdExtensions
{
    /// <summary>Null means a shared epmd, which is never ours to stop.</summary>
    public static Task StopIfOwnedAsync(this Epmd? epmd) => epmd?.StopAsync() ?? Task.CompletedTask;
}
