namespace EmergencyOps.AppHost;

/// <summary>Brings the topology up in dependency order and takes it down in reverse.</summary>
internal sealed class Orchestrator(HostContext host) : IAsyncDisposable
{
    private readonly RabbitMqBroker rabbitMq = new(host.Options.RabbitMqPort, host.DataDir);
    private readonly RedisServer redis = new(host.Options.RedisPort, host.DataDir);
    private readonly ServiceRunner services = new(host);
    private volatile bool stopping;

    public string GatewayUrl => $"http://localhost:{host.Options.PortBase}";

    /// <summary>Returns the process exit code: 0 after a clean stop, 1 when start-up failed.</summary>
    public async Task<int> RunAsync(CancellationToken ct)
    {
        try
        {
            if (!host.Options.NoBuild)
            {
                await SolutionBuilder.BuildAsync(host, ct);
            }

            var all = ServiceSpec.Topology(host.Options.PortBase);
            await services.PreflightAsync(all, ct);
            await Task.WhenAll(rabbitMq.StartAsync(ct), redis.StartAsync(ct));
            await services.StartAsync([.. all.Where(s => !s.IsGateway)], all, ct);
            await services.StartAsync([.. all.Where(s => s.IsGateway)], all, ct);

            StatusTable.Print(host, [rabbitMq, redis], services);
            Log.Plain($"EmergencyOps is ready: {GatewayUrl}");
            WatchForUnexpectedExits();

            if (host.Options.Seed is { } seed)
            {
                await Seeder.RunAsync(host, seed, new Uri(GatewayUrl), ct);
            }

            Log.Info(ShutdownSignal.InterruptIgnored()
                ? "running; SIGINT is ignored in this process (started in the background?), stop it with SIGTERM"
                : "running; press Ctrl-C to stop");
            await Task.Delay(Timeout.Infinite, ct);
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return 0;
        }
        catch (StartupException e)
        {
            Report(e);
            return 1;
        }
    }

    public async ValueTask DisposeAsync()
    {
        stopping = true;
        var started = services.Running.Count > 0 || rabbitMq.Process is not null || redis.Process is not null;
        if (started)
        {
            Log.Info("stopping");
        }

        await services.DisposeAsync();
        await Task.WhenAll(rabbitMq.DisposeAsync().AsTask(), redis.DisposeAsync().AsTask());
        if (started)
        {
            Log.Info("stopped");
        }
    }

    private static void Report(StartupException e)
    {
        if (e.Culprit is { } culprit)
        {
            Log.Error($"last output of {culprit.Name}:");
            foreach (var line in culprit.Tail().Concat(e.Extra))
            {
                Console.Error.WriteLine($"  {line}");
            }
        }

        Log.Error(e.Message);
    }

    // After start-up a crash is reported, not fatal: the rest stays up for diagnosis.
    private void WatchForUnexpectedExits()
    {
        var watched = services.Running.Select(r => (r.Spec.Name, r.Process))
            .Concat(new BackingService[] { rabbitMq, redis }.Where(b => b.Process is not null).Select(b => (b.Name, b.Process!)));
        foreach (var (name, process) in watched)
        {
            _ = WatchAsync(name, process);
        }
    }

    private async Task WatchAsync(string name, ChildProcess process)
    {
        var code = await process.Exited;
        if (!stopping)
        {
            Log.Error($"{name} exited unexpectedly with code {code}; everything else keeps running");
        }
    }
}
