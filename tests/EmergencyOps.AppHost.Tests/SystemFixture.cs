using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using EmergencyOps.AppHost.Seeding;
using EmergencyOps.Identity.Client;
using EmergencyOps.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// The real app model started once for the collection, with two replicas of every service and its own broker,
/// cache and data folder. Warnings' deadlines are short so the sweeps have work while the tests watch.
/// </summary>
public class SystemFixture : IAsyncLifetime
{
    public const int Replicas = 2;
    public static readonly string[] Services = ["hazards", "warnings", "inventory", "shelters", "webhooks"];
    public static readonly string[] Resources = ["messaging", "messaging-epmd", "redis", "identity", .. Services, "console", "gateway"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(5);

    public DistributedApplication App { get; private set; } = null!;

    public HttpClient Gateway { get; private set; } = null!;

    public Uri Broker { get; private set; } = null!;

    /// <summary>Real tokens from the identity service through the gateway, for the local run's clients and people.</summary>
    public TokenSource Tokens { get; private set; } = null!;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "emergencyops-apphost-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.EmergencyOps_AppHost>(
            ["--data-dir", DataDirectory, "--replicas", Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        var warnings = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "warnings");
        warnings.Annotations.Add(new EnvironmentCallbackAnnotation(env =>
        {
            env["Warnings__AcknowledgeWithin"] = "00:00:03";
            env["Warnings__SweepInterval"] = "00:00:00.500";
        }));
        // Connections to the replicas turn over quickly, so a test sees both within seconds.
        var gateway = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "gateway");
        gateway.Annotations.Add(new EnvironmentCallbackAnnotation(env => env["Gateway__ConnectionLifetime"] = "00:00:00.500"));
        // No test relies on the per-client rate limit, and the bad-input corpus sends over ten thousand requests as one client.
        gateway.Annotations.Add(new EnvironmentCallbackAnnotation(env => env["Gateway__RateLimits__ClientPermits"] = "10000000"));
        // Likewise the citizens' per-address limit on hazard reports, which the corpus's requests to that form would spend.
        builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "hazards").Annotations.Add(
            new EnvironmentCallbackAnnotation(env => env["Hazards__CitizenReportPermits"] = "1000000"));
        // No dashboard runs under test, so nothing listens where the services would send telemetry: a stopping service
        // would wait out the exporter's timeout before it exits, and a restarted replica would overrun the orchestrator's stop.
        // The marker tells this system's processes from those of another that is still stopping.
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            project.Annotations.Add(new EnvironmentCallbackAnnotation(env =>
            {
                env.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
                env[ProcessTree.SystemMarker] = DataDirectory;
            }));
        }
        Configure(builder);
        var identities = LocalIdentities.Read(builder.Configuration);
        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        await EveryReplicaHealthyAsync(timeout.Token);
        Gateway = App.CreateHttpClient("gateway");
        Tokens = new TokenSource(Gateway.BaseAddress!, identities.ClientSecrets, identities.Passwords);
        Broker = new Uri(await App.GetConnectionStringAsync("messaging", timeout.Token)
            ?? throw new InvalidOperationException("the messaging resource has no connection string"));
    }

    /// <summary>Changes the app model before it starts, for a system with settings of its own.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder builder)
    {
    }

    // The gateway is healthy once one replica of each service is; the replica tests need both.
    private Task EveryReplicaHealthyAsync(CancellationToken cancellationToken) =>
        ReplicasAsync(Services, _ => true, cancellationToken);

    /// <summary>Returns once every replica of each service is running and healthy, counting only snapshots that pass <paramref name="counts"/>.</summary>
    protected async Task ReplicasAsync(IReadOnlyCollection<string> services, Func<ResourceEvent, bool> counts, CancellationToken cancellationToken)
    {
        var healthy = new Dictionary<string, (string Service, bool Healthy)>();
        await foreach (var change in App.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (services.Contains(change.Resource.Name))
            {
                healthy[change.ResourceId] = (change.Resource.Name, counts(change) && change.Snapshot.State?.Text == "Running"
                    && change.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy);
            }
            if (services.All(s => healthy.Values.Count(r => r.Service == s && r.Healthy) >= Replicas))
            {
                return;
            }
        }
    }

    /// <summary>A client that opens a connection per request, so the replicas' proxy may send each to either replica.</summary>
    public HttpClient ConnectionPerRequest(string resource)
    {
        var client = new HttpClient { BaseAddress = App.GetEndpoint(resource, "http") };
        client.DefaultRequestHeaders.ConnectionClose = true;
        return client;
    }

    /// <summary>A client of the gateway that sends the named client's or person's access token.</summary>
    public async Task<HttpClient> AsAsync(string identity, bool connectionPerRequest = false)
    {
        var client = connectionPerRequest ? ConnectionPerRequest("gateway") : App.CreateHttpClient("gateway");
        client.DefaultRequestHeaders.Authorization = TokenSource.Bearer(await Tokens.GetAsync(identity));
        return client;
    }

    /// <summary>
    /// Restarts every replica of a service, as an operator does from the dashboard, and returns once each replica
    /// started after the command is running and healthy again.
    /// </summary>
    public async Task RestartAsync(string name, CancellationToken cancellationToken)
    {
        var resource = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == name);
        var since = DateTime.UtcNow;
        var result = await App.ResourceCommands.ExecuteCommandAsync(resource, KnownResourceCommands.RestartCommand, cancellationToken);
        if (!result.Success)
        {
            throw new InvalidOperationException($"restarting {name} failed: {result.Message}");
        }
        await ReplicasAsync([name], change => change.Snapshot.StartTimeStamp > since, cancellationToken);
    }

    public MessageRecorder Recorder() => new(string.Empty, Broker);

    public virtual async Task DisposeAsync()
    {
        Gateway?.Dispose();
        Tokens?.Dispose();
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RunningSystem : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
