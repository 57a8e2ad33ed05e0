using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hazards.API.Extensions;

/// <summary>
/// Citizens' reports are anonymous, so they are limited per client address: a token bucket of
/// <see cref="HazardsOptions.CitizenReportPermits"/> per <see cref="HazardsOptions.CitizenReportWindow"/>. The address is the
/// connection's, which the forwarded-headers step (ServiceDefaults) has already set from the gateway's X-Forwarded-For.
/// A refusal is a 429 problem with Retry-After; the handler never runs, so nothing is stored.
/// </summary>
public static partial class CitizenRateLimit
{
    public const string Policy = "citizen-reports";

    public static IServiceCollection AddCitizenRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<HazardsOptions>>((options, hazards) =>
        {
            var settings = hazards.Value;
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = RejectAsync;
            options.AddPolicy(Policy, context => RateLimitPartition.GetTokenBucketLimiter(Address(context), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = settings.CitizenReportPermits,
                TokensPerPeriod = 1,
                ReplenishmentPeriod = TimeSpan.FromTicks(Math.Max(1, settings.CitizenReportWindow.Ticks / settings.CitizenReportPermits)),
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
        });
        return services;
    }

    private static string Address(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip ? (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString() : "unknown";

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(CitizenRateLimit));
        var address = Address(context);
        LogRejected(logger, address, seconds);
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many reports",
                Detail = $"This address has sent as many hidden-danger reports as allowed for now; send the next after {seconds} s.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Citizen report limit reached by {Address}: refused, retry after {Seconds} s")]
    private static partial void LogRejected(ILogger logger, string address, long seconds);
}
