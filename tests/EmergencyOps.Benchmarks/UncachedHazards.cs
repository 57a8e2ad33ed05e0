using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// The code-resolution benchmark's baseline: a second process of the hazards service with its code cache switched off.
/// It is set up as one more replica of "hazards" is (the same project, database file, broker, cache server and identity),
/// waiting for the same migration runner, so the schema is applied once and both processes serve the same products and codes
/// from the same SQLite file. Two services on separate copies would need the data seeded twice and kept equal; restarting
/// one service with the switch flipped between rounds would put a cold start into every other round. Here the rounds only
/// alternate between the two processes' endpoints. The baseline only reads: with its cache off it removes no entries, so a
/// write through it would leave the cached process's answers stale (which is why production runs one setting everywhere).
/// </summary>
internal static class UncachedHazards
{
    public const string Name = "hazards-nocache";

    /// <summary>The switch, on the command line rather than in the environment, so the process can be told from the real one.</summary>
    public const string SwitchArgument = "--Hazards:CodeCache:Enabled";

    public static void Add(IDistributedApplicationTestingBuilder builder, string dataDirectory)
    {
        T Named<T>(string name) where T : IResource => (T)builder.Resources.Single(r => r.Name == name);
        var hazards = Named<ProjectResource>("hazards");
        var publicOrigin = builder.CreateResourceBuilder(Named<ProjectResource>("gateway")).GetEndpoint("http");
        var service = builder.AddProject(Name, hazards.GetProjectMetadata().ProjectPath)
            .WithArgs(SwitchArgument, "false")
            .WithEnvironment("ConnectionStrings__hazardsdb", $"Data Source={Path.Combine(dataDirectory, "hazards.db")}")
            .WithEnvironment("Database__MigrateAtStart", "false")
            .WithEnvironment("Hazards__PublicBaseUrl", publicOrigin)
            .WithEnvironment("Identity__Issuer", publicOrigin)
            .WithHttpHealthCheck("/health/ready")
            .WaitForCompletion(builder.CreateResourceBuilder(Named<ProjectResource>("hazards-migrations")));
        foreach (var server in new[] { "messaging", "redis" })
        {
            var resource = builder.CreateResourceBuilder(Named<IResourceWithConnectionString>(server));
            service.WithReference(resource).WaitFor(resource);
        }
        var identity = builder.CreateResourceBuilder(Named<ProjectResource>("identity"));
        service.WithReference(identity).WaitFor(identity);
    }
}
