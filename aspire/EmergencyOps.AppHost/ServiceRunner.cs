namespace EmergencyOps.AppHost;

/// <summary>Starts the .NET services as children, waits for /health/ready and stops them gateway-first.</summary>
internal sealed class ServiceRunner(HostContext host) : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);
    private readonly List<(ServiceSpec Spec, ChildProcess Process)> running = [];
    private readonly HttpClient http = Probes.CreateHttpClient(TimeSpan.FromSeconds(3));

    public IReadOnlyList<(ServiceSpec Spec, ChildProcess Process)> Running => running;

    /// <summary>Fails before anything starts when a build output is missing or a port is taken.</summary>
    public async Task PreflightAsync(IReadOnlyList<ServiceSpec> all, CancellationToken ct)
    {
        var missing = all.Where(s => !File.Exists(s.Assembly(host.RepoRoot, host.Options.Configuration))).ToList();
        if (missing.Count > 0)
        {
            var list = string.Join(", ", missing.Select(s => s.Assembly(host.RepoRoot, host.Options.Configuration)));
            var hint = host.Options.NoBuild
                ? $"run without --no-build, or build first: dotnet build {Path.GetFileName(host.Solution)} -c {host.Options.Configuration}"
                : "check that the solution contains these projects and builds them";
            throw new StartupException($"not built: {list}; {hint}");
        }

        foreach (var spec in all)
        {
            if (await Probes.AcceptsAsync(spec.Port, ct))
            {
                throw new StartupException($"port {spec.Port} for {spec.Name} is already in use; stop what listens there or choose another --port-base");
            }
        }
    }

    /// <summary>Starts the group together and waits until each answers 200 on /health/ready.</summary>
    public async Task StartAsync(IReadOnlyList<ServiceSpec> group, IReadOnlyList<ServiceSpec> all, CancellationToken ct)
    {
        var started = group.Select(spec => Start(spec, all)).ToList();
        var deadline = DateTimeOffset.UtcNow + Deadline;
        using var failed = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var waits = started.Select(async s =>
        {
            try
            {
                await WaitReadyAsync(s.Spec, s.Process, deadline, failed.Token);
            }
            catch (StartupException)
            {
                await failed.CancelAsync();
                throw;
            }
        }).ToList();

        // A faulted wait outranks the cancellations it caused, so the first real failure surfaces here.
        await Task.WhenAll(waits);
    }

    /// <summary>Gateway first so no request reaches a service that is going away, then the rest together.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(running.Where(r => r.Spec.IsGateway).Select(r => StopAsync(r.Spec, r.Process)));
        await Task.WhenAll(running.Where(r => !r.Spec.IsGateway).Select(r => StopAsync(r.Spec, r.Process)));
        running.Clear();
        http.Dispose();
    }

    private (ServiceSpec Spec, ChildProcess Process) Start(ServiceSpec spec, IReadOnlyList<ServiceSpec> all)
    {
        var process = ChildProcess.Start(
            spec.Name, Executables.Dotnet(), [spec.Assembly(host.RepoRoot, host.Options.Configuration)],
            spec.ProjectDirectory(host.RepoRoot), spec.Environment(host, all));
        Log.Info($"{spec.Name}: started {spec.Project} (pid {process.Pid}) on {spec.Url}");
        running.Add((spec, process));
        return (spec, process);
    }

    private async Task WaitReadyAsync(ServiceSpec spec, ChildProcess process, DateTimeOffset deadline, CancellationToken ct)
    {
        if (await Probes.PollAsync(t => Probes.HttpOkAsync(http, spec.ReadyUrl, t), deadline, () => process.HasExited, ct))
        {
            Log.Info($"{spec.Name}: ready");
            return;
        }

        var why = process.HasExited ? $"exited with code {await process.Exited} before it was ready" : $"was not ready within {Deadline.TotalSeconds:0} s ({spec.ReadyUrl})";
        throw new StartupException($"{spec.Name} {why}", process);
    }

    private static async Task StopAsync(ServiceSpec spec, ChildProcess process)
    {
        var wasRunning = !process.HasExited;
        var graceful = await process.StopAsync(Grace);
        if (wasRunning)
        {
            Log.Info(graceful ? $"{spec.Name}: stopped" : $"{spec.Name}: killed after {Grace.TotalSeconds:0} s without stopping");
        }

        process.Dispose();
    }
}
