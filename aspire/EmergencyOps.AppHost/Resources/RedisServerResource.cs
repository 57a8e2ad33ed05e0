namespace EmergencyOps.AppHost;

/// <summary>Debian's <c>redis-server</c> as an executable: a cache only (no snapshots, no append-only file), on loopback.</summary>
internal sealed class RedisServerResource(string name, string workingDirectory)
    : ExecutableResource(name, "redis-server", workingDirectory), IResourceWithConnectionString
{
    public EndpointReference Endpoint => new(this, "tcp");

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"127.0.0.1:{Endpoint.Property(EndpointProperty.Port)}");
}

internal static class RedisServerExtensions
{
    public static IResourceBuilder<RedisServerResource> AddRedisServer(this IDistributedApplicationBuilder builder, string name, string dataDirectory)
    {
        var directory = Path.Combine(dataDirectory, name);
        Directory.CreateDirectory(directory);
        var redis = new RedisServerResource(name, directory);
        // Proxyless: Aspire picks a free port and redis-server listens on it itself.
        return builder.AddResource(redis)
            .WithEndpoint(name: "tcp", scheme: "tcp", isProxied: false)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(redis.Endpoint.Property(EndpointProperty.TargetPort));
                foreach (var arg in (string[])["--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory])
                {
                    context.Args.Add(arg);
                }
            })
            .WithIconName("Database");
    }
}
