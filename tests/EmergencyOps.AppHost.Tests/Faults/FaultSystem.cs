using System.Net;
using System.Text;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using EmergencyOps.Messaging.Faults;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyOps.AppHost.Tests.Faults;

/// <summary>
/// A whole system of its own for the fault suite (its own RabbitMQ node, Redis and data folder on ports of their own),
/// so killing its broker or cache never touches another test. Each service replica can be armed to kill itself at a
/// <see cref="FailPoints"/> point; the shelters' availability reconciliation runs every few seconds.
/// </summary>
public sealed class FaultSystem : SystemFixture
{
    public static readonly TimeSpan ReconcilePeriod = TimeSpan.FromSeconds(5);

    /// <summary>No fault test may hang the suite: one that has not finished in five minutes fails (milliseconds).</summary>
    public const int TestTimeout = 300_000;

    public string FailPointRoot => Path.Combine(DataDirectory, "failpoints");

    protected override void Configure(IDistributedApplicationTestingBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>().Where(p => Services.Contains(p.Name)))
        {
            var directory = Path.Combine(FailPointRoot, project.Name);
            Directory.CreateDirectory(directory);
            project.Annotations.Add(new EnvironmentCallbackAnnotation(env => env["Messaging__FailPointDirectory"] = directory));
        }
        var shelters = builder.Resources.OfType<ProjectResource>().Single(r => r.Name == "shelters");
        shelters.Annotations.Add(new EnvironmentCallbackAnnotation(env => env["Shelters__Availability__ReconcileInterval"] = ReconcilePeriod.ToString()));
    }

    /// <summary>Arms a point in every replica of the service; the first to reach it dies there.</summary>
    public void Arm(string service, string point, string content = "") => File.WriteAllText(Path.Combine(FailPointRoot, service, point), content);

    public void DisarmAll()
    {
        foreach (var service in Services)
        {
            foreach (var point in FailPoints.All)
            {
                File.Delete(Path.Combine(FailPointRoot, service, point));
            }
        }
    }

    /// <summary>Whether a replica has reached the armed point (and died there).</summary>
    public bool Fired(string service, string point) =>
        File.Exists(Path.Combine(FailPointRoot, service, point + ".fired")) && !File.Exists(Path.Combine(FailPointRoot, service, point));

    /// <summary>The resource's replicas as the orchestrator last reported them.</summary>
    public async Task<IReadOnlyList<ResourceEvent>> SnapshotsAsync(string name, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, ResourceEvent>();
        using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        quiet.CancelAfter(TimeSpan.FromMilliseconds(500));
        try
        {
            // The watch replays the current state of every resource first, then waits for changes.
            await foreach (var change in App.ResourceNotifications.WatchAsync(quiet.Token))
            {
                if (change.Resource.Name == name)
                {
                    seen[change.ResourceId] = change;
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
        return [.. seen.Values];
    }

    /// <summary>
    /// Whether this system's broker has written the quorum queue's registration to disk. RabbitMQ 3.10 writes it a moment
    /// after it declared the queue; a node killed before then comes back with the queue but no member to lead it, and a
    /// publish routed to that queue then waits for a confirm that never comes.
    /// </summary>
    public bool BrokerStored(string queue)
    {
        // Ra names a queue's member after its virtual host ("/", escaped) and its name.
        var member = Encoding.ASCII.GetBytes("%2F_" + queue);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(DataDirectory, "rabbitmq", "mnesia"), "names.dets", SearchOption.AllDirectories))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            if (copy.GetBuffer().AsSpan(0, (int)copy.Length).IndexOf(member) >= 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Kills (SIGKILL) this system's processes of that name; <see cref="StartAsync"/> brings them back.</summary>
    public static void Kill(string processName)
    {
        var pids = ProcessTree.StartedBy(Environment.ProcessId).Where(pid => ProcessTree.Name(pid) == processName).ToList();
        Assert.NotEmpty(pids);
        foreach (var pid in pids)
        {
            Assert.Equal(0, ProcessTree.Kill(pid, ProcessTree.SigKill));
        }
    }

    /// <summary>
    /// Waits until the orchestrator saw a replica of the resource end (killed, or dead at a fail point), starts every
    /// replica that is not running, and returns once all are running and healthy.
    /// </summary>
    public async Task StartAsync(string name, CancellationToken cancellationToken)
    {
        await App.ResourceNotifications.WaitForResourceAsync(name, e => e.Snapshot.State?.Text is not ("Running" or "Starting"), cancellationToken);
        var since = DateTime.UtcNow;
        var stopped = (await SnapshotsAsync(name, cancellationToken)).Where(e => e.Snapshot.State?.Text != "Running").ToList();
        foreach (var replica in stopped)
        {
            var result = await App.ResourceCommands.ExecuteCommandAsync(replica.ResourceId, KnownResourceCommands.StartCommand, cancellationToken);
            Assert.True(result.Success, $"starting {replica.ResourceId}: {result.Message}");
        }
        await RunningSinceAsync(name, since, cancellationToken);
        if (Services.Contains(name))
        {
            await ReplicasAsync([name], _ => true, cancellationToken);
        }
    }

    /// <summary>Restarts a resource of one replica (the gateway, the broker) and returns once it is running and healthy again.</summary>
    public async Task RestartSingleAsync(string name, CancellationToken cancellationToken)
    {
        var since = DateTime.UtcNow;
        var replica = Assert.Single(await SnapshotsAsync(name, cancellationToken));
        var result = await App.ResourceCommands.ExecuteCommandAsync(replica.ResourceId, KnownResourceCommands.RestartCommand, cancellationToken);
        Assert.True(result.Success, $"restarting {name}: {result.Message}");
        await RunningSinceAsync(name, since, cancellationToken);
    }

    private Task<ResourceEvent> RunningSinceAsync(string name, DateTime since, CancellationToken cancellationToken) =>
        App.ResourceNotifications.WaitForResourceAsync(name,
            e => e.Snapshot.StartTimeStamp > since && e.Snapshot.State?.Text == "Running"
                && e.Snapshot.HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy, cancellationToken);

    /// <summary>The readiness status of one replica of the service, asked directly (not through the gateway).</summary>
    public static async Task<HttpStatusCode> ReadinessAsync(HttpClient direct)
    {
        try
        {
            using var response = await direct.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(FailPointRoot, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: the data folder is the system's own temporary one.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class Faulted : ICollectionFixture<FaultSystem>
{
    public const string Name = "faults";
}
