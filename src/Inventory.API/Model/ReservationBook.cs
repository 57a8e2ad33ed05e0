using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Outbox;
using Inventory.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Model;

/// <summary>
/// Reserves and releases stock for warnings, in the caller's transaction: the level, the reservation, its
/// ledger entry (on hand unchanged, reserved moved) and its event change together.
/// </summary>
public sealed class ReservationBook(InventoryContext db, ReserveNorms norms, IEventOutbox outbox, CorrelationContext correlation, TimeProvider time)
{
    /// <summary>Reserves <paramref name="quantity"/>, or returns null when the warehouse's unreserved stock is short.</summary>
    public async Task<Reservation?> ReserveAsync(Guid warningId, Guid warehouseId, string materialCode, int quantity, string actor, CancellationToken cancellationToken)
    {
        var reserved = await db.StockLevels.Where(l => l.WarehouseId == warehouseId && l.MaterialCode == materialCode && l.OnHand - l.Reserved >= quantity)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Reserved, l => l.Reserved + quantity), cancellationToken);
        if (reserved == 0)
        {
            return null;
        }
        var reservation = new Reservation
        {
            WarningId = warningId, WarehouseId = warehouseId, MaterialCode = materialCode, Quantity = quantity, Remaining = quantity,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        db.Reservations.Add(reservation);
        await RecordAsync(reservation, LedgerKind.Reservation, quantity, actor, $"reserved for warning {warningId}", cancellationToken);
        outbox.Add(new ReservationMade(Guid.NewGuid(), time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId,
            reservation.Id, warningId, warehouseId, materialCode, quantity));
        await norms.EvaluateAsync(warehouseId, materialCode, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return reservation;
    }

    /// <summary>Returns what is left of <paramref name="reservation"/> (tracked, not yet released) to ordinary use.</summary>
    public async Task ReleaseAsync(Reservation reservation, ReservationReleaseCause cause, string actor, CancellationToken cancellationToken)
    {
        var remaining = reservation.Remaining;
        await db.StockLevels.Where(l => l.WarehouseId == reservation.WarehouseId && l.MaterialCode == reservation.MaterialCode)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Reserved, l => l.Reserved - remaining), cancellationToken);
        reservation.Released = true;
        reservation.Remaining = 0;
        reservation.ReleasedAt = time.GetUtcNow().UtcDateTime;
        reservation.ReleaseCause = cause;
        var reason = cause == ReservationReleaseCause.WarningEnded ? $"warning {reservation.WarningId} ended" : "released on request";
        await RecordAsync(reservation, LedgerKind.ReservationRelease, -remaining, actor, reason, cancellationToken);
        outbox.Add(new ReservationReleased(Guid.NewGuid(), time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId,
            reservation.Id, reservation.WarningId, reservation.WarehouseId, reservation.MaterialCode, remaining, cause));
        await norms.EvaluateAsync(reservation.WarehouseId, reservation.MaterialCode, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    // On hand does not move (Delta 0): the entry records the reservation in the warehouse's history, with the balance it left.
    private async Task RecordAsync(Reservation reservation, LedgerKind kind, int reservedDelta, string actor, string reason, CancellationToken cancellationToken)
    {
        var onHand = await db.StockLevels.AsNoTracking().Where(l => l.WarehouseId == reservation.WarehouseId && l.MaterialCode == reservation.MaterialCode)
            .Select(l => l.OnHand).SingleOrDefaultAsync(cancellationToken);
        db.Ledger.Add(new LedgerEntry
        {
            ChangeId = Guid.NewGuid(), WarehouseId = reservation.WarehouseId, MaterialCode = reservation.MaterialCode, Batch = "", Kind = kind,
            Delta = 0, ReservedDelta = reservedDelta, BalanceAfter = onHand, Reason = reason, ReservationId = reservation.Id, Actor = actor,
            At = time.GetUtcNow().UtcDateTime,
        });
    }
}
