using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Outbox;
using Inventory.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Model;

/// <summary>
/// Compares available stock with the reserve norm after every change: below the minimum raises
/// LowStock once; only at or above minimum + margin does StockRecovered clear it (no flapping).
/// </summary>
public sealed class ReserveNorms(InventoryContext db, IEventOutbox outbox, CorrelationContext correlation, TimeProvider time)
{
    public async Task EvaluateAsync(Guid warehouseId, string materialCode, CancellationToken cancellationToken)
    {
        var norm = await db.Norms.SingleOrDefaultAsync(n => n.WarehouseId == warehouseId && n.MaterialCode == materialCode, cancellationToken);
        if (norm is null)
        {
            return;
        }
        var level = await db.StockLevels.AsNoTracking().SingleOrDefaultAsync(l => l.WarehouseId == warehouseId && l.MaterialCode == materialCode, cancellationToken);
        var available = level?.Available ?? 0;
        var district = await db.Warehouses.Where(w => w.Id == warehouseId).Select(w => w.DistrictCode).SingleAsync(cancellationToken);
        if (!norm.InShortfall && available < norm.Minimum)
        {
            norm.InShortfall = true;
            norm.ShortSince = time.GetUtcNow().UtcDateTime;
            outbox.Add(new LowStock(Guid.NewGuid(), time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId, warehouseId, district, materialCode, available, norm.Minimum));
        }
        else if (norm.InShortfall && available >= norm.Minimum + norm.RecoveryMargin)
        {
            norm.InShortfall = false;
            norm.ShortSince = null;
            outbox.Add(new StockRecovered(Guid.NewGuid(), time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId, warehouseId, district, materialCode, available, norm.Minimum));
        }
    }
}
