namespace EmergencyOps.AppHost;

internal static class ServiceExtensions
{
    /// <summary>
    /// One service of the system: its own SQLite file in the data folder, the broker and cache it needs
    /// (started before it), its readiness probe, and as many replicas as the run asks for.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddService<TProject>(
        this IDistributedApplicationBuilder builder, string name, SystemSettings system, params IResourceBuilder<IResourceWithConnectionString>[] servers)
        where TProject : IProjectMetadata, new()
    {
        var service = builder.AddProject<TProject>(name)
            .WithEnvironment($"ConnectionStrings__{name}db", $"Data Source={Path.Combine(system.DataDirectory, name + ".db")}")
            .WithHttpHealthCheck("/health/ready")
            .WithReplicas(system.Replicas);
        foreach (var server in servers)
        {
            service.WithReference(server).WaitFor(server);
        }
        return service;
    }
}
