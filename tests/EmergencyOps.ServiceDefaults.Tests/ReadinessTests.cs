using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.ServiceDefaults.Tests;

/// <summary>Readiness answers 200 only when every ready check is healthy; liveness ignores them.</summary>
public sealed class ReadinessTests
{
    [Theory]
    [InlineData(HealthStatus.Healthy, HttpStatusCode.OK)]
    [InlineData(HealthStatus.Degraded, HttpStatusCode.ServiceUnavailable)]
    [InlineData(HealthStatus.Unhealthy, HttpStatusCode.ServiceUnavailable)]
    public async Task A_degraded_dependency_such_as_a_bus_that_lost_its_broker_makes_the_service_unready_but_alive(HealthStatus status, HttpStatusCode expected)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults();
        builder.Services.AddHealthChecks().AddCheck("broker", () => new HealthCheckResult(status, "as reported"), [Extensions.ReadyTag]);
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        using var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(expected, ready.StatusCode);
        Assert.Contains($"\"broker\":{{\"status\":\"{status}\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
