namespace EmergencyOps.AppHost;

internal static class ServiceExtensions
{
    /// <summary>The argument that makes a service apply its migrations and exit (the migration runner).</summary>
    public const string MigrateArgument = "--migrate";

    private const string MigrationsSuffix = "-migrations";

    /// <summary>
    /// One service of the system: its own SQLite file in the data folder, the broker and cache it needs
    /// (started before it), its readiness probe, and as many replicas as the run asks for. Its schema is applied by
    /// a one-shot <c>&lt;name&gt;-migrations</c> resource (the service's own build run with <c>--migrate</c>) that every
    /// replica waits for; the service itself never changes schema at start.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder, string name, SystemSettings system, params IResourceBuilder<IResourceWithConnectionString>[] servers)
        where TProject : IProjectMetadata, new()
    {
        var database = $"Data Source={Path.Combine(system.DataDirectory, name + ".db")}";
        // No launch profile: nothing to listen on. The servers' connection strings are read when the host is built,
        // though the runner never connects to them.
        var migrations = builder.AddProject<TProject>(name + MigrationsSuffix, launchProfileName: null)
            .WithArgs(MigrateArgument)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment($"ConnectionStrings__{name}db", database);
        var service = builder.AddProject<TProject>(name)
            .WithEnvironment($"ConnectionStrings__{name}db", database)
            .WithEnvironment("Database__MigrateAtStart", "false")
            .WithHttpHealthCheck("/health/ready")
            .WithReplicas(system.Replicas)
            .WaitForCompletion(migrations);
        foreach (var server in servers)
        {
            migrations.WithReference(server);
            service.WithReference(server).WaitFor(server);
        }
        return service;
    }

    /// <summary>A service's migration runner, for settings it needs as the service does (it builds the same host).</summary>
    public static IResourceBuilder<ProjectResource> MigrationsOf(this IDistributedApplicationBuilder builder, IResourceBuilder<ProjectResource> service) =>
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(r => r.Name == service.Resource.Name + MigrationsSuffix));

    /// <summary>
    /// At most two malloc arenas per process. glibc gives a thread that finds the arenas busy one of its own, up to eight per
    /// core, and each keeps memory freed inside it resident. Under 64 warehouses' stock changes inventory's native allocations
    /// (SQLite's page caches among them) are made on dozens of pool threads: it ended with 15 arenas holding 59 MB, and with
    /// two its private memory after the same load was about a fifth lower. The Kubernetes manifests set the same
    /// (emergencyops-common).
    /// </summary>
    public static IDistributedApplicationBuilder LimitMallocArenas(this IDistributedApplicationBuilder builder)
    {
        // At start rather than now, so projects added after this file's (by a test or a benchmark) run the same way.
        builder.Eventing.Subscribe<BeforeStartEvent>((start, _) =>
        {
            foreach (var project in start.Model.Resources.OfType<ProjectResource>())
            {
                project.Annotations.Add(new EnvironmentCallbackAnnotation(env => env["MALLOC_ARENA_MAX"] = "2"));
            }
            return Task.CompletedTask;
        });
        return builder;
    }
}
