using EmergencyOps.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using StackExchange.Redis.KeyspaceIsolation;

namespace EmergencyOps.Messaging.Redis;

public static class RedisExtensions
{
    public const string ConnectionName = "redis";

    /// <summary>One shared multiplexer from <c>ConnectionStrings:redis</c> and a readiness check that pings it.</summary>
    public static IHostApplicationBuilder AddServiceRedis(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName) ?? "localhost:6379";
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ =>
        {
            var options = ConfigurationOptions.Parse(connectionString);
            // Keep retrying in the background: Redis being down makes the service unready, not dead.
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        // Keys are prefixed per deployment (and per test class), so several systems can share one Redis.
        var prefix = builder.Configuration["Redis:KeyPrefix"] ?? "emergencyops:";
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IConnectionMultiplexer>().GetDatabase().WithKeyPrefix(prefix));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: [Extensions.ReadyTag]);
        return builder;
    }
}

internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"ping {latency.TotalMilliseconds:0.#} ms");
        }
        catch (Exception ex) when (RedisOutage.Is(ex, cancellationToken))
        {
            return HealthCheckResult.Unhealthy("redis unreachable", ex);
        }
    }
}
