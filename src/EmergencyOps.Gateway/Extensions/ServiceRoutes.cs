using Microsoft.Extensions.Configuration;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// Builds the proxy's routes and clusters from the gateway's service table and the service
/// endpoints injected the Aspire way (<c>services__{name}__http__0</c>, Kubernetes sets the same keys).
/// </summary>
public static class ServiceRoutes
{
    private static readonly string[] Schemes = ["https", "http"];

    public static IReadOnlyList<Uri> Destinations(IConfiguration configuration, string service)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection($"services:{service}");
        return [.. Schemes
            .SelectMany(scheme => section.GetSection(scheme).GetChildren())
            .Select(endpoint => endpoint.Value)
            .Where(value => Uri.IsWellFormedUriString(value, UriKind.Absolute))
            .Select(value => new Uri(value!))];
    }

    public static (IReadOnlyList<RouteConfig> Routes, IReadOnlyList<ClusterConfig> Clusters) Build(
        IConfiguration configuration, GatewayOptions options)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var (name, service) in options.Services)
        {
            // A path under a prefix goes to the service unchanged (X-Forwarded-Host/Proto/For added, the proxy's default):
            // the identity service builds its login redirects and metadata from the origin the browser used.
            foreach (var prefix in service.PathPrefixes)
            {
                routes.Add(new RouteConfig
                {
                    RouteId = $"{name}:{prefix}",
                    ClusterId = name,
                    Match = new RouteMatch { Path = $"{prefix}/{{**rest}}" },
                });
            }
            routes.Add(new RouteConfig
            {
                RouteId = $"{name}-openapi",
                ClusterId = name,
                Match = new RouteMatch { Path = $"/openapi/{name}/v1.json" },
                Transforms = [new Dictionary<string, string> { ["PathSet"] = "/openapi/v1.json" }],
            });
            // No destinations configured: the cluster stays empty and YARP answers 503, which says exactly that.
            clusters.Add(new ClusterConfig
            {
                ClusterId = name,
                HttpRequest = new ForwarderRequestConfig { ActivityTimeout = service.ActivityTimeout },
                Destinations = Destinations(configuration, name)
                    .Select((uri, i) => (Key: $"{name}-{i}", Value: new DestinationConfig { Address = uri.ToString() }))
                    .ToDictionary(d => d.Key, d => d.Value),
            });
        }
        AddConsole(configuration, routes, clusters);
        return (routes, clusters);
    }

    /// <summary>The operations console's resource name: its address is injected as <c>services__console__http__0</c>.</summary>
    public const string ConsoleName = "console";

    // The console answers every path no service claims (its page, scripts, styles and the sign-in callback): a catch-all
    // that comes last, after every service's prefix and the gateway's own endpoints.
    private static void AddConsole(IConfiguration configuration, List<RouteConfig> routes, List<ClusterConfig> clusters)
    {
        var destinations = Destinations(configuration, ConsoleName);
        if (destinations.Count == 0)
        {
            return;
        }
        routes.Add(new RouteConfig { RouteId = ConsoleName, ClusterId = ConsoleName, Order = int.MaxValue, Match = new RouteMatch { Path = "/{**rest}" } });
        clusters.Add(new ClusterConfig
        {
            ClusterId = ConsoleName,
            Destinations = destinations.Select((uri, i) => (Key: $"{ConsoleName}-{i}", Value: new DestinationConfig { Address = uri.ToString() }))
                .ToDictionary(d => d.Key, d => d.Value),
        });
    }
}
