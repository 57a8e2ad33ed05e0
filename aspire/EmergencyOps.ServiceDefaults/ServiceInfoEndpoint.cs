using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// What a service reports about itself at <c>GET /api/{area}/ping</c>: a smoke check through the gateway. <c>Instance</c>
/// (host and process) tells which replica answered.
/// </summary>
public sealed record ServiceInfo(string Service, string Version, string Environment, string? CorrelationId, DateTimeOffset Time, string Instance);

public static class ServiceInfoEndpoint
{
    public static RouteHandlerBuilder MapServiceInfo(this IEndpointRouteBuilder group, string service, string policy)
    {
        ArgumentNullException.ThrowIfNull(group);
        return group.MapGet("/ping", (HttpContext http, IHostEnvironment env, TimeProvider time) => GetServiceInfo(service, http, env, time))
            .WithName($"Ping{char.ToUpperInvariant(service[0])}{service[1..]}")
            .WithSummary($"Smoke check: the {service} service answers and says which version runs")
            .RequireAuthorization(policy);
    }

    public static Ok<ServiceInfo> GetServiceInfo(string service, HttpContext http, IHostEnvironment env, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentNullException.ThrowIfNull(time);
        var version = Assembly.GetEntryAssembly()?.GetName().Version?.ToString() ?? "0.0.0";
        return TypedResults.Ok(new ServiceInfo(service, version, env.EnvironmentName, CorrelationIdMiddleware.Find(http)?.ToString(), time.GetUtcNow(),
            $"{System.Environment.MachineName}/{System.Environment.ProcessId}"));
    }
}
