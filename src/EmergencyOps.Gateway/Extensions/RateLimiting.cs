using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// One budget per caller (<see cref="ClientPartition"/>) for everything behind the gateway. Each budget is a token bucket:
/// a caller may burst up to its permits, then gets them back steadily, permits per window. A refusal is a 429 problem
/// with <c>Retry-After</c>: the time until the next permit, which the bucket knows exactly (a sliding window does not).
/// </summary>
internal static partial class RateLimiting
{
    public static IServiceCollection AddGatewayRateLimiter(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((options, limits) =>
        {
            var settings = limits.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, settings));
            options.OnRejected = RejectAsync;
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions settings)
    {
        // Probes (Kubernetes, the AppHost) must never be refused for being frequent.
        if (context.Request.Path.StartsWithSegments("/health"))
        {
            return RateLimitPartition.GetNoLimiter("health");
        }
        var caller = ClientPartition.Of(context);
        var permits = caller.Authenticated ? settings.ClientPermits : settings.AnonymousPermits;
        return RateLimitPartition.GetTokenBucketLimiter(caller.ToString(), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = permits,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, settings.Window.Ticks / permits)),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
        // Whole seconds (RFC 9110), rounded up: retrying at the announced time must succeed.
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        var caller = ClientPartition.Of(context);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RateLimiting));
        LogRejected(logger, caller.Authenticated ? "client" : "address", caller.Key, context.Request.Method, context.Request.Path.Value ?? "", seconds);

        var problems = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = caller.Authenticated
                    ? $"Client '{caller.Key}' has used its request budget; retry after {seconds} s."
                    : $"This address has used its request budget for anonymous callers; retry after {seconds} s, or authenticate for a larger budget.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rate limit reached by {Kind} {Caller}: {Method} {Path} refused, retry after {Seconds} s")]
    private static partial void LogRejected(ILogger logger, string kind, string caller, string method, string path, long seconds);
}
