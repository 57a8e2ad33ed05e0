using EmergencyOps.ServiceDefaults.Input;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// What every EmergencyOps process shares: telemetry, health, resilience, service discovery,
/// problem details, correlation ids and forwarded headers. Only configuration differs between
/// the local AppHost, an Aspire AppHost and Kubernetes.
/// </summary>
public static class Extensions
{
    public const string ReadyTag = "ready";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemNames.CamelCaseErrors);
        // Unreadable input (malformed JSON, a query value of the wrong type) is the caller's error: a 400 naming the field, never a 500.
        builder.Services.AddExceptionHandler<BadRequestProblemHandler>();
        builder.Services.Configure<ExceptionHandlerOptions>(o => o.StatusCodeSelector = ex =>
            ex is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        builder.Services.ConfigureHttpJsonOptions(o => StrictJson.Apply(o.SerializerOptions));
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        // Behind the gateway or an ingress: trust the proxy's X-Forwarded-* (the cluster network is the boundary).
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<CorrelationIdMiddleware>();
        // A request that may be retried is hashed after binding has read it: keep its body rewindable.
        app.Use((context, next) =>
        {
            if (context.Request.Headers.ContainsKey("Idempotency-Key"))
            {
                context.Request.EnableBuffering();
            }
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestValueGuard>();
        app.UseMiddleware<BufferedResponses>();
        // After the forwarded headers: the token server and the cookie handler must see the public scheme and host.
        if (app.Services.GetService<Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider>() is not null)
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }

        // Probes answer in every environment: Kubernetes and the AppHost both rely on them.
        app.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains("live"),
        }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            // MassTransit reports a bus that lost its broker after connecting as degraded: that replica cannot deliver
            // events until the broker is back, so it is not ready (it still accepts writes into its outbox).
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = HealthReportWriter.WriteAsync,
        }).AllowAnonymous();
        return app;
    }
}
