using Microsoft.Extensions.Configuration;

namespace EmergencyOps.AppHost;

internal static class IdentityExtensions
{
    /// <summary>
    /// The identity service: its SQLite file and signing keys in the data folder (tokens outlive a restart, replicas sign
    /// alike), and the local run's clients and people from <c>LocalIdentities</c>, registered at its start when missing.
    /// </summary>
    public static IResourceBuilder<ProjectResource> AddIdentityService(this IDistributedApplicationBuilder builder, SystemSettings system)
    {
        var identity = builder.AddService<Projects.Identity_API>("identity", system);
        // Its migration runner builds the same host, which loads the signing keys from there (and needs nothing else).
        foreach (var resource in new[] { identity, builder.MigrationsOf(identity) })
        {
            resource.WithEnvironment("Identity__KeysDirectory", Path.Combine(system.DataDirectory, "identity-keys"));
        }
        foreach (var (key, value) in builder.Configuration.GetSection(Seeding.LocalIdentities.SectionName).AsEnumerable(makePathsRelative: true))
        {
            if (value is not null && !key.StartsWith("//", StringComparison.Ordinal))
            {
                identity.WithEnvironment("Identity__" + key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }
        return identity;
    }

    /// <summary>
    /// Tokens name the gateway as their issuer (the one public origin); the resource fetches the signing keys from the
    /// identity service directly.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIdentity(
        this IResourceBuilder<ProjectResource> resource, IResourceBuilder<ProjectResource> identity, EndpointReference issuer) =>
        resource.WithReference(identity).WaitFor(identity).WithEnvironment("Identity__Issuer", issuer);
}
