using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyOps.AppHost;

internal static class ExistingServers
{
    /// <summary>
    /// The server named by <c>ConnectionStrings:{name}</c> when one is configured (command line, environment or
    /// user secrets), so the AppHost starts nothing of its own for it; otherwise the one <paramref name="start"/> adds.
    /// Either way the resource is healthy only once the server answers its protocol, so <c>WaitFor</c> means ready.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddExistingOr<TServer>(
        this IDistributedApplicationBuilder builder, string name, Func<string, IResourceBuilder<TServer>> start)
        where TServer : IResourceWithConnectionString
    {
        IResourceBuilder<IResourceWithConnectionString> server = string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name))
            ? (IResourceBuilder<IResourceWithConnectionString>)start(name)
            : builder.AddConnectionString(name);
        var check = $"{name}-answers";
        builder.Services.AddHealthChecks().AddAsyncCheck(check, ct => ServerProbe.CheckAsync(server.Resource, ct));
        return server.WithHealthCheck(check);
    }
}
