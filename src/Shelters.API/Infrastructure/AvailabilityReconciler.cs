using EmergencyOps.Geography;

namespace Shelters.API.Infrastructure;

/// <summary>Repairs the cache after a Redis outage or flush: recomputes every district now and then.</summary>
internal sealed partial class AvailabilityReconciler(IServiceScopeFactory scopes, TimeProvider time, ILogger<AvailabilityReconciler> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
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
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Availability reconciliation failed; it runs again in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
