using EmergencyOps.ServiceDefaults;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace EmergencyOps.Gateway.Extensions;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();

        var (routes, clusters) = ServiceRoutes.Build(builder.Configuration, options);
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        builder.Services.AddSingleton<Yarp.ReverseProxy.Forwarder.IForwarderHttpClientFactory, RebalancingHttpClientFactory>();

        // Readiness must report the truth quickly: no retries, a short timeout.
#pragma warning disable EXTEXP0001 // the only way to opt one client out of the defaults' resilience handler
        builder.Services.AddHttpClient(DownstreamReadinessCheck.ClientName, c => c.Timeout = TimeSpan.FromSeconds(5))
            .RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        var health = builder.Services.AddHealthChecks();
        foreach (var name in options.Services.Keys)
        {
            var destinations = ServiceRoutes.Destinations(builder.Configuration, name);
            health.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                name,
                sp => new DownstreamReadinessCheck(sp.GetRequiredService<IHttpClientFactory>(), destinations),
                failureStatus: null,
                tags: [ServiceDefaults.Extensions.ReadyTag]));
        }
    }

    /// <summary>One browsable reference for every service's OpenAPI document, served by the gateway.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Services.Keys;
        app.MapScalarApiReference("/api-reference", o =>
        {
            o.WithTitle("EmergencyOps API");
            o.WithOpenApiRoutePattern("/openapi/{documentName}/v1.json");
            o.AddDocuments(services);
        }).AllowAnonymous();
        return app;
    }
}
