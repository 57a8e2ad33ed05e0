using System.Net;
using IPNetwork = System.Net.IPNetwork;
using EmergencyOps.ServiceDefaults;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace EmergencyOps.Gateway.Extensions;

public static class Extensions
{
    // Set by UseAuthentication; WebApplication reads it to decide whether to add the middleware itself.
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .Bind(builder.Configuration.GetSection(GatewayOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<RateLimitOptions>()
            .Bind(builder.Configuration.GetSection(RateLimitOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<GatewayCorsOptions>()
            .Bind(builder.Configuration.GetSection(GatewayCorsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<ApiReferenceOptions>()
            .Bind(builder.Configuration.GetSection(ApiReferenceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var options = builder.Configuration.GetSection(GatewayOptions.SectionName).Get<GatewayOptions>() ?? new GatewayOptions();

        var (routes, clusters) = ServiceRoutes.Build(builder.Configuration, options);
        builder.Services.AddReverseProxy().LoadFromMemory(routes, clusters);
        builder.Services.AddSingleton<Yarp.ReverseProxy.Forwarder.IForwarderHttpClientFactory, RebalancingHttpClientFactory>();

        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<GatewayOptions>>((forwarded, gateway) => TrustProxies(forwarded, gateway.Value));
        // Tokens are checked here only to count callers by client; each service authorizes on its own.
        builder.AddDefaultAuthentication([], audiences: [.. options.Services.Keys]);
        builder.Services.AddGatewayRateLimiter();
        builder.Services.AddCors();
        builder.Services.AddOptions<CorsOptions>().Configure<IOptions<GatewayCorsOptions>>((cors, settings) => AllowOrigins(cors, settings.Value));

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

    /// <summary>First in the pipeline, so every response carries the headers, early refusals included.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<SecurityHeaders>();
        return app;
    }

    /// <summary>
    /// What stands between the internet and the services, in order: CORS (a preflight is answered here, without spending the
    /// caller's budget), who the caller is, the caller's rate limit, and the request body's size.
    /// </summary>
    public static WebApplication UseEdgeProtection(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseMiddleware<StreamsEndOnShutdown>();
        app.UseCors();
        // The rate limiter needs the caller, so authentication runs before it. Until a scheme is registered (bearer tokens,
        // through the shared authentication defaults) every caller is anonymous. The defaults' MapDefaultEndpoints may have
        // added it already, right after the forwarded headers; WebApplication marks that with this key: never twice.
        if (app.Services.GetRequiredService<IOptions<AuthenticationOptions>>().Value.Schemes.Any()
            && !((IApplicationBuilder)app).Properties.ContainsKey(AuthenticationMiddlewareSetKey))
        {
            app.UseAuthentication();
            app.UseAuthorization();
        }
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyLimit>();
        return app;
    }

    /// <summary>One browsable reference for every service's OpenAPI document, served by the gateway.</summary>
    public static WebApplication MapApiReference(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var services = app.Services.GetRequiredService<IOptions<GatewayOptions>>().Value.Services.Keys.ToList();
        var settings = app.Services.GetRequiredService<IOptions<ApiReferenceOptions>>().Value;
        app.MapScalarApiReference(ApiReference.Path, (o, http) => ApiReference.Configure(o, http, services, settings))
            .AllowAnonymous()
            .WithMetadata(new ContentSecurityPolicy(ApiReference.Policy));
        return app;
    }

    /// <summary>The integration events' AsyncAPI document at <c>/asyncapi.yaml</c>, for integrators that subscribe over RabbitMQ.</summary>
    public static WebApplication MapAsyncApiDocument(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapMethods(AsyncApiDocument.Path, [HttpMethods.Get, HttpMethods.Head], AsyncApiDocument.Serve)
            .AllowAnonymous()
            .ExcludeFromDescription();
        return app;
    }

    // The caller's address decides its anonymous budget: only a proxy the operator named may say who the caller is.
    private static void TrustProxies(ForwardedHeadersOptions forwarded, GatewayOptions gateway)
    {
        forwarded.KnownIPNetworks.Clear();
        forwarded.KnownProxies.Clear();
        if (gateway.TrustedProxies.Count == 0)
        {
            forwarded.KnownIPNetworks.Add(IPNetwork.Parse("127.0.0.0/8"));
            forwarded.KnownProxies.Add(IPAddress.IPv6Loopback);
        }
        foreach (var proxy in gateway.TrustedProxies)
        {
            if (IPNetwork.TryParse(proxy, out var network))
            {
                forwarded.KnownIPNetworks.Add(network);
            }
            else
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        }
    }

    // Bearer tokens, not cookies: credentials are never allowed, so another site can never act with a signed-in person's session.
    private static void AllowOrigins(CorsOptions cors, GatewayCorsOptions settings) =>
        cors.AddDefaultPolicy(policy => policy
            .WithOrigins([.. settings.AllowedOrigins])
            .WithMethods("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Accept", "Accept-Language", "Idempotency-Key", CorrelationIdMiddleware.HeaderName, "Last-Event-ID")
            .WithExposedHeaders(CorrelationIdMiddleware.HeaderName, "Location", "Retry-After", "Content-Disposition")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10)));
}
