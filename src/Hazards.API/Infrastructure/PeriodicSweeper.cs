using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Infrastructure;

/// <summary>
/// A background sweep that runs at start and then every interval, and outlives a failed round (a locked database, a
/// broken connection): the failure is logged and the next tick tries again.
/// </summary>
public abstract partial class PeriodicSweeper(TimeSpan interval, ILogger logger) : BackgroundService
{
    /// <summary>One round; returns how many items it handled.</summary>
    public abstract Task<int> SweepAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The interval is real time even when tests move the service's clock.
        using var timer = new PeriodicTimer(interval, TimeProvider.System);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogSweepFailed(logger, GetType().Name, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweeper} failed; retrying at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, string sweeper, Exception exception);
}
