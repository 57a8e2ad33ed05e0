using System.ComponentModel.DataAnnotations;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Messaging.Outbox;
using EmergencyOps.Messaging.Persistence;
using Inventory.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inventory.API.Infrastructure;

/// <summary>Section <c>Inventory:Expiry</c>.</summary>
public sealed class ExpiryOptions
{
    /// <summary>Batches expiring within this many days are announced (once each).</summary>
    [Range(0, 3650)]
    public int HorizonDays { get; set; } = 30;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Announces batches nearing expiry so they can be rotated (轮换) before they are wasted.</summary>
public sealed partial class BatchExpiryMonitor(IServiceScopeFactory scopes, IOptions<ExpiryOptions> options, TimeProvider time, ILogger<BatchExpiryMonitor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        do
        {
            try
            {
                await ScanAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogScanFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task ScanAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryContext>();
        var outbox = scope.ServiceProvider.GetRequiredService<IEventOutbox>();
        var until = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime).AddDays(options.Value.HorizonDays);
        var due = await db.StockBatches.AsNoTracking()
            .Where(b => !b.ExpiryAnnounced && b.Quantity > 0 && b.Expiry != null && b.Expiry <= until).ToListAsync(cancellationToken);
        foreach (var batch in due)
        {
            // Replicas scan the same table: only the one whose conditional update claims the batch announces it.
            await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
            var claimed = await db.StockBatches
                .Where(b => b.WarehouseId == batch.WarehouseId && b.MaterialCode == batch.MaterialCode && b.Batch == batch.Batch && !b.ExpiryAnnounced)
                .ExecuteUpdateAsync(s => s.SetProperty(b => b.ExpiryAnnounced, true), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }
            outbox.Add(new BatchExpiring(Guid.NewGuid(), time.GetUtcNow(), StockLedger.Source, Guid.NewGuid(),
                batch.WarehouseId, batch.MaterialCode, batch.Batch, batch.Expiry!.Value, batch.Quantity));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch expiry scan failed; it runs again at the next interval")]
    private static partial void LogScanFailed(ILogger logger, Exception exception);
}
