using EmergencyOps.Geography;
using Microsoft.Extensions.Options;

namespace Shelters.API.Infrastructure;

/// <summary>Repairs the cache after a Redis outage or flush: recomputes every district now and then.</summary>
internal sealed partial class AvailabilityReconciler(
    IServiceScopeFactory scopes, IOptions<AvailabilityOptions> options, TimeProvider time, ILogger<AvailabilityReconciler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.ReconcileInterval;
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<AvailabilityCache>()
                    .RefreshAsync(Districts.Shanghai.Select(d => d.Code), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(logger, ex, interval);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Availability reconciliation failed; it runs again in {Interval}")]
    private static partial void LogFailed(ILogger logger, Exception exception, TimeSpan interval);
}
