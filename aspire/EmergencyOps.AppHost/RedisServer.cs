namespace EmergencyOps.AppHost;

/// <summary>A throwaway cache: no snapshots, no append-only file, loopback only.</summary>
internal sealed class RedisServer(int port, string dataDir) : BackingService("redis", port)
{
    public override string Url => $"redis://127.0.0.1:{Port}";

    protected override Task<bool> IsReadyAsync(CancellationToken ct) => Probes.RedisPingAsync(Port, ct);

    protected override Task StartOwnAsync(CancellationToken ct)
    {
        var program = Require("redis-server", "redis-server", "/usr/bin", "/usr/sbin", "/usr/local/bin");
        var dir = Directory.CreateDirectory(Path.Combine(dataDir, "redis")).FullName;
        string[] args =
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir,
        ];
        Process = ChildProcess.Start(Name, program, args, dir);
        return Task.CompletedTask;
    }
}
