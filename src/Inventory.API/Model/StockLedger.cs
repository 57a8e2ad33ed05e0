using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Outbox;
using Inventory.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Model;

/// <summary>A movement the ledger refused: not enough available stock (what there is, and of what, is said).</summary>
public sealed class InsufficientStockException(string materialCode, int requested, int available, string availableOf = InsufficientStockException.OfWarehouse)
    : Exception($"{requested} of {materialCode} requested, {available} available ({availableOf})")
{
    /// <summary><see cref="Available"/> is the warehouse's unreserved stock.</summary>
    public const string OfWarehouse = "warehouse";

    /// <summary><see cref="Available"/> is what is left of the reservation drawn on.</summary>
    public const string OfReservation = "reservation";

    /// <summary><see cref="Available"/> is what the named batch holds.</summary>
    public const string OfBatch = "batch";

    public string MaterialCode { get; } = materialCode;

    public int Requested { get; } = requested;

    public int Available { get; } = available;

    /// <summary>What <see cref="Available"/> counts: <see cref="OfWarehouse"/>, <see cref="OfReservation"/> or <see cref="OfBatch"/>.</summary>
    public string AvailableOf { get; } = availableOf;

    /// <summary>The words for <see cref="AvailableOf"/> in a problem's detail.</summary>
    public string AvailableWords => AvailableOf switch
    {
        OfReservation => "available (what is left of reservation)",
        OfBatch => "available in the batch",
        _ => "available (the warehouse's unreserved stock)",
    };
}

/// <summary>A movement the ledger refused: it would take the balance beyond <see cref="InventoryLimits.MaxBalance"/>.</summary>
public sealed class BalanceLimitException(string materialCode, int requested, int onHand)
    : Exception($"{requested} of {materialCode} to add to {onHand}; at most {InventoryLimits.MaxBalance} may be held")
{
    public string MaterialCode { get; } = materialCode;

    public int Requested { get; } = requested;

    public int OnHand { get; } = onHand;

    /// <summary>What may still be added.</summary>
    public int Room => Math.Max(0, InventoryLimits.MaxBalance - OnHand);
}

/// <summary>Stock was to enter a warehouse that an administrator deleted meanwhile.</summary>
public sealed class WarehouseDeletedException(Guid warehouseId) : Exception($"Warehouse {warehouseId} is deleted")
{
    public Guid WarehouseId { get; } = warehouseId;
}

/// <summary>
/// Every stock movement goes through here: the level, the batches and the ledger change together, in
/// the caller's transaction, with conditional UPDATEs so concurrent writers never lose an update and
/// never take stock below zero (or into what is reserved). Events go to the outbox.
/// </summary>
public sealed class StockLedger(InventoryContext db, IEventOutbox outbox, CorrelationContext correlation, TimeProvider time)
{
    public const string Source = "inventory";

    /// <summary>
    /// Puts stock in, never beyond <see cref="InventoryLimits.MaxBalance"/> (a conditional UPDATE, so concurrent receipts
    /// cannot overshoot together) and never into a deleted warehouse.
    /// </summary>
    public async Task<LedgerEntry> ReceiveAsync(Movement m, string batch, DateOnly? expiry, int quantity, CancellationToken cancellationToken)
    {
        var level = db.StockLevels.Where(l => l.WarehouseId == m.WarehouseId && l.MaterialCode == m.MaterialCode);
        var added = false;
        // Written as OnHand <= max - quantity, so the comparison itself cannot overflow a 32-bit column (SQL Server).
        if (await level.Where(l => l.OnHand <= InventoryLimits.MaxBalance - quantity)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.OnHand, l => l.OnHand + quantity), cancellationToken) == 0)
        {
            if (await StockQueries.Level(db, m.WarehouseId, m.MaterialCode, cancellationToken) is { } full)
            {
                throw new BalanceLimitException(m.MaterialCode, quantity, full.OnHand);
            }
            if (quantity > InventoryLimits.MaxBalance)
            {
                throw new BalanceLimitException(m.MaterialCode, quantity, 0);
            }
            db.StockLevels.Add(new StockLevel { WarehouseId = m.WarehouseId, MaterialCode = m.MaterialCode, OnHand = quantity });
            added = true;
        }
        // Checked after the write, inside the caller's transaction: a deletion that committed first is seen here, and
        // one that comes later sees this stock and is refused; a deleted warehouse never holds stock.
        if (!await StockQueries.WarehouseExists(db, m.WarehouseId, cancellationToken))
        {
            throw new WarehouseDeletedException(m.WarehouseId);
        }
        var batches = db.StockBatches.Where(b => b.WarehouseId == m.WarehouseId && b.MaterialCode == m.MaterialCode && b.Batch == batch);
        if (await batches.ExecuteUpdateAsync(u => u.SetProperty(b => b.Quantity, b => b.Quantity + quantity), cancellationToken) == 0)
        {
            db.StockBatches.Add(new StockBatch { WarehouseId = m.WarehouseId, MaterialCode = m.MaterialCode, Batch = batch, Expiry = expiry, Quantity = quantity });
        }
        // A level just added holds exactly this receipt; a level updated in place is read back once. Its new rows are
        // inserted with the ledger entry, in one statement batch.
        var after = added ? new LevelAfter(quantity, 0) : await LevelAfterAsync(m, cancellationToken);
        return await RecordAsync(m, batch, expiry, quantity, after.OnHand, after.Reserved, cancellationToken);
    }

    /// <summary>
    /// Takes stock out: from the named batch, or earliest expiry first (FEFO) across batches. Against a
    /// reservation it consumes the reservation; otherwise only unreserved stock can go.
    /// </summary>
    public async Task<IReadOnlyList<LedgerEntry>> TakeAsync(Movement m, string? batch, int quantity, Reservation? reservation, CancellationToken cancellationToken)
    {
        var level = db.StockLevels.Where(l => l.WarehouseId == m.WarehouseId && l.MaterialCode == m.MaterialCode);
        var guarded = reservation is null
            ? await level.Where(l => l.OnHand - l.Reserved >= quantity)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.OnHand, l => l.OnHand - quantity), cancellationToken)
            : await level.Where(l => l.OnHand >= quantity && l.Reserved >= quantity)
                .ExecuteUpdateAsync(u => u.SetProperty(l => l.OnHand, l => l.OnHand - quantity).SetProperty(l => l.Reserved, l => l.Reserved - quantity), cancellationToken);
        if (guarded == 0)
        {
            var current = await StockQueries.Level(db, m.WarehouseId, m.MaterialCode, cancellationToken);
            // Against a reservation (whose Remaining the caller already lowered by quantity): what can still be drawn on it.
            throw reservation is null
                ? new InsufficientStockException(m.MaterialCode, quantity, current?.Available ?? 0)
                : new InsufficientStockException(m.MaterialCode, quantity, Math.Max(0, Math.Min(reservation.Remaining + quantity, current?.OnHand ?? 0)), InsufficientStockException.OfReservation);
        }

        var candidates = await StockQueries.HeldBatches(db, m.WarehouseId, m.MaterialCode, batch).ToListAsync(cancellationToken);
        var entries = new List<LedgerEntry>();
        var left = quantity;
        // The level already holds the whole change; each entry states the balance after itself, in order.
        var after = await LevelAfterAsync(m, cancellationToken);
        var running = after.OnHand + quantity;
        // FEFO: earliest expiry first, batches without expiry last, then by batch number.
        foreach (var b in candidates.OrderBy(b => b.Expiry ?? DateOnly.MaxValue).ThenBy(b => b.Batch, StringComparer.Ordinal))
        {
            var take = Math.Min(left, b.Quantity);
            var taken = await db.StockBatches
                .Where(x => x.WarehouseId == b.WarehouseId && x.MaterialCode == b.MaterialCode && x.Batch == b.Batch && x.Quantity >= take)
                .ExecuteUpdateAsync(u => u.SetProperty(x => x.Quantity, x => x.Quantity - take), cancellationToken);
            if (taken == 0)
            {
                continue;
            }
            running -= take;
            entries.Add(await RecordAsync(m, b.Batch, b.Expiry, -take, running, after.Reserved, cancellationToken, reservedDelta: reservation is null ? 0 : -take));
            left -= take;
            if (left == 0)
            {
                break;
            }
        }
        if (left > 0)
        {
            // The level said yes but the named batch cannot cover it: nothing may stay half-done.
            throw new InsufficientStockException(m.MaterialCode, quantity, quantity - left, InsufficientStockException.OfBatch);
        }
        return entries;
    }

    // The level was just written in this transaction, so it is there.
    private async Task<LevelAfter> LevelAfterAsync(Movement m, CancellationToken cancellationToken) =>
        await StockQueries.Level(db, m.WarehouseId, m.MaterialCode, cancellationToken) is { } level
            ? new LevelAfter(level.OnHand, level.Reserved)
            : throw new InvalidOperationException($"The level of {m.MaterialCode} at {m.WarehouseId} vanished inside its own transaction");

    /// <summary>Writes one ledger entry and its event, given the level (on hand and reserved) once this entry is applied.</summary>
    private async Task<LedgerEntry> RecordAsync(Movement m, string batch, DateOnly? expiry, int delta, int onHand, int reserved, CancellationToken cancellationToken, int reservedDelta = 0)
    {
        var entry = new LedgerEntry
        {
            ChangeId = m.ChangeId, WarehouseId = m.WarehouseId, MaterialCode = m.MaterialCode, Batch = batch, Expiry = expiry,
            Kind = m.Kind, Delta = delta, ReservedDelta = reservedDelta, BalanceAfter = onHand, Reason = m.Reason, VoucherReference = m.VoucherReference,
            TransferId = m.TransferId, ReservationId = m.ReservationId, Actor = m.Actor, At = time.GetUtcNow().UtcDateTime,
        };
        db.Ledger.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        outbox.Add(new StockChanged(Guid.NewGuid(), time.GetUtcNow(), Source, correlation.CorrelationId,
            m.WarehouseId, m.MaterialCode, batch, m.Kind.ToString(), delta, onHand, onHand - reserved, entry.Id));
        return entry;
    }

    private sealed record LevelAfter(int OnHand, int Reserved);
}

/// <summary>What a movement is about: where, what, why and by whom.</summary>
public sealed record Movement(
    Guid ChangeId, Guid WarehouseId, string MaterialCode, LedgerKind Kind, string Actor,
    string? Reason = null, string? VoucherReference = null, Guid? TransferId = null, Guid? ReservationId = null);

public class Reservation
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid WarningId { get; set; }

    public Guid WarehouseId { get; set; }

    public required string MaterialCode { get; set; }

    public int Quantity { get; set; }

    public int Remaining { get; set; }

    public bool Released { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReleasedAt { get; set; }

    public ReservationReleaseCause? ReleaseCause { get; set; }
}
