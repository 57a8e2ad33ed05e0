using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using EmergencyOps.AppHost.Seeding;
using EmergencyOps.Identity.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// The system under the AppHost, started for the run with one replica of each service, its own broker, cache, data
/// folder and ports (Aspire.Hosting.Testing picks free ones). The gateway's per-caller rate limits are lifted, since the
/// benchmark is one caller sending far more than a real client may.
/// </summary>
internal sealed class BenchSystem : IAsyncDisposable
{
    public static readonly string[] Services = ["hazards", "warnings", "inventory", "shelters", "webhooks"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    private BenchSystem(DistributedApplication app, string dataDirectory, TokenSource tokens, Uri broker)
    {
        App = app;
        DataDirectory = dataDirectory;
        Tokens = tokens;
        Broker = broker;
        Gateway = app.GetEndpoint("gateway", "http");
        Processes = new ServiceProcesses(Environment.ProcessId);
    }

    public DistributedApplication App { get; }

    public string DataDirectory { get; }

    public Uri Gateway { get; }

    /// <summary>Real tokens from the identity service through the gateway, for the local run's clients and people.</summary>
    public TokenSource Tokens { get; }

    /// <summary>The AppHost's RabbitMQ (an amqp:// URI).</summary>
    public Uri Broker { get; }

    public ServiceProcesses Processes { get; }

    /// <summary>A service's own endpoint, the one the gateway forwards to, so a gateway-minus-direct difference is the gateway's alone.</summary>
    public Uri Direct(string service) => App.GetEndpoint(service, "http");

    public static async Task<BenchSystem> StartAsync(CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "emergencyops-bench-" + Guid.NewGuid().ToString("N"));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.EmergencyOps_AppHost>(
            ["--data-dir", dataDirectory, "--replicas", "1"], cancellationToken);
        // The resources' own output (every service's console log, health probes) would bury the benchmark's lines.
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("EmergencyOps.AppHost.Resources", LogLevel.None)
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        var gateway = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway");
        gateway.Annotations.Add(new EnvironmentCallbackAnnotation(env =>
        {
            env["Gateway__RateLimits__ClientPermits"] = "10000000";
            env["Gateway__RateLimits__AnonymousPermits"] = "10000000";
        }));
        UncachedHazards.Add(builder, dataDirectory);
        // A deployment has no development proxy in front of each process: without it here, every request would cross
        // the orchestrator's proxy once direct and twice through the gateway, and its cost would count as theirs. With one
        // replica nothing needs it; the orchestrator gives each endpoint a free port of its own instead.
        foreach (var endpoint in builder.Resources.OfType<ProjectResource>().SelectMany(p => p.Annotations.OfType<EndpointAnnotation>()))
        {
            endpoint.IsProxied = false;
            endpoint.Port = null;
            endpoint.TargetPort = null;
        }
        // No dashboard listens for telemetry here: without this every service would retry its exporter and time out at stop.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(env => env.Remove("OTEL_EXPORTER_OTLP_ENDPOINT")));
        }
        var identities = LocalIdentities.Read(builder.Configuration);
        var app = await builder.BuildAsync(cancellationToken);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            await app.StartAsync(timeout.Token);
            foreach (var resource in Services.Append("gateway").Append(UncachedHazards.Name))
            {
                await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
            }
            var broker = new Uri(await app.GetConnectionStringAsync("messaging", timeout.Token)
                ?? throw new InvalidOperationException("the messaging resource has no connection string"));
            var tokens = new TokenSource(app.GetEndpoint("gateway", "http"), identities.ClientSecrets, identities.Passwords);
            return new BenchSystem(app, dataDirectory, tokens, broker);
        }
        catch
        {
            await StopAsync(app, dataDirectory);
            throw;
        }
    }

    /// <summary>A client of <paramref name="baseAddress"/> sending the named identity's token (none when null).</summary>
    public async Task<HttpClient> ClientAsync(Uri baseAddress, string? identity, CancellationToken cancellationToken, int connections = 256)
    {
        var client = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        })
        { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (identity is not null)
        {
            client.DefaultRequestHeaders.Authorization = TokenSource.Bearer(await Tokens.GetAsync(identity, ct: cancellationToken));
        }
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        Tokens.Dispose();
        await StopAsync(App, DataDirectory);
    }

    private static async Task StopAsync(DistributedApplication app, string dataDirectory)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            await app.DisposeAsync();
            try
            {
                Directory.Delete(dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A process still closing a file: the folder is under /tmp and holds only this run's data.
            }
        }
    }
}
