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
    /// <summary>Every norm (in the given districts, or all; at the given warehouses, or all) with what is available against it now.</summary>
    public static async Task<List<NormStatus>> StatusAsync(
        InventoryContext db, IReadOnlyCollection<string>? districts, CancellationToken cancellationToken, IReadOnlyList<Guid>? warehouses = null)
    {
        var rows = await (from n in db.Norms.AsNoTracking()
                          join w in db.Warehouses.AsNoTracking() on n.WarehouseId equals w.Id
                          join l in db.StockLevels.AsNoTracking() on new { n.WarehouseId, n.MaterialCode } equals new { l.WarehouseId, l.MaterialCode } into levels
                          from l in levels.DefaultIfEmpty()
                          where (districts == null || districts.Contains(w.DistrictCode)) && (warehouses == null || warehouses.Contains(w.Id))
                          select new NormStatus(n.WarehouseId, w.Name, w.Code, w.DistrictCode, n.MaterialCode, n.Minimum,
                              l == null ? 0 : l.OnHand - l.Reserved, n.InShortfall, n.ShortSince, n.RecoveryMargin))
                         .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.DistrictCode).ThenBy(r => r.WarehouseCode, StringComparer.Ordinal).ThenBy(r => r.MaterialCode, StringComparer.Ordinal)];
    }

    public async Task EvaluateAsync(Guid warehouseId, string materialCode, CancellationToken cancellationToken)
    {
        var norm = await StockQueries.Norm(db, warehouseId, materialCode, cancellationToken);
        if (norm is null)
        {
            return;
        }
        var level = await StockQueries.Level(db, warehouseId, materialCode, cancellationToken);
        var available = level?.Available ?? 0;
        var falls = !norm.InShortfall && available < norm.Minimum;
        // In 64 bits: a norm stored before the limits could be near the 32-bit maximum.
        var recovers = norm.InShortfall && available >= (long)norm.Minimum + norm.RecoveryMargin;
        // Deleted warehouses (hidden by the query filter) keep their norms but raise no more alerts. Read only for an
        // alert: most changes cross no threshold.
        if (!(falls || recovers)
            || await db.Warehouses.Where(w => w.Id == warehouseId).Select(w => w.DistrictCode).SingleOrDefaultAsync(cancellationToken) is not { } district)
        {
            return;
        }
        if (falls)
        {
            norm.InShortfall = true;
            norm.ShortSince = time.GetUtcNow().UtcDateTime;
            db.StockAlerts.Add(new StockAlert { WarehouseId = warehouseId, MaterialCode = materialCode, Kind = StockAlertKind.LowStock, Available = available, Minimum = norm.Minimum, At = norm.ShortSince.Value });
            outbox.Add(new LowStock(Guid.NewGuid(), time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId, warehouseId, district, materialCode, available, norm.Minimum));
        }
        else
        {
            norm.InShortfall = false;
            norm.ShortSince = null;
            db.StockAlerts.Add(new StockAlert { WarehouseId = warehouseId, MaterialCode = materialCode, Kind = StockAlertKind.StockRecovered, Available = available, Minimum = norm.Minimum, At = time.GetUtcNow().UtcDateTime });
            outbox.Add(new StockRecovered(Guid.NewGuid(), time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId, warehouseId, district, materialCode, available, norm.Minimum));
        }
    }
}

public sealed record NormStatus(
    Guid WarehouseId, string WarehouseName, string WarehouseCode, string DistrictCode, string MaterialCode,
    int Minimum, int Available, bool InShortfall, DateTime? ShortSince, int RecoveryMargin)
{
    /// <summary>What is missing to reach the minimum; never negative (0 once the minimum is reached).</summary>
    public int Missing => (int)Math.Max(0L, (long)Minimum - Available);

    /// <summary>What is still needed to reach minimum + margin, where a shortfall is cleared (0 once there).</summary>
    public int ToRecover => (int)Math.Min(int.MaxValue, Math.Max(0L, (long)Minimum + RecoveryMargin - Available));
}
