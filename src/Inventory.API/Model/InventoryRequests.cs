using EmergencyOps.Contracts.Inventory;
using EmergencyOps.ServiceDefaults.Input;
using L = Inventory.API.Model.InventoryLimits;

namespace Inventory.API.Model;

public sealed record RegisterWarehouseRequest(
    [property: Text(L.Code)] string? Code,
    [property: Text(L.Name)] string? Name,
    [property: OneOf(typeof(WarehouseTier))] string? Tier,
    [property: Text(L.DistrictCode)] string? DistrictCode,
    [property: Text(L.Address)] string? Address,
    [property: Bounded(L.MinLatitude, L.MaxLatitude)] double? Latitude,
    [property: Bounded(L.MinLongitude, L.MaxLongitude)] double? Longitude,
    [property: Text(L.PersonName)] string? Manager,
    [property: Bounded(0, L.MaxCapacity)] double? Capacity);

/// <summary>An administrator's correction: every field but the code (the code is how other systems know the warehouse).</summary>
public sealed record CorrectWarehouseRequest(
    [property: Text(L.Name)] string? Name,
    [property: OneOf(typeof(WarehouseTier))] string? Tier,
    [property: Text(L.DistrictCode)] string? DistrictCode,
    [property: Text(L.Address)] string? Address,
    [property: Bounded(L.MinLatitude, L.MaxLatitude)] double? Latitude,
    [property: Bounded(L.MinLongitude, L.MaxLongitude)] double? Longitude,
    [property: Text(L.PersonName)] string? Manager,
    [property: Bounded(0, L.MaxCapacity)] double? Capacity);

public sealed record WarehouseResponse(Guid Id, string Code, string Name, WarehouseTier Tier, string DistrictCode, string Address, double Latitude, double Longitude, string Manager, double Capacity)
{
    public static WarehouseResponse From(Warehouse w) => new(w.Id, w.Code, w.Name, w.Tier, w.DistrictCode, w.Address, w.Latitude, w.Longitude, w.Manager, w.Capacity);
}

/// <summary>kind: receipt, issue, adjustment (signed quantity), rotation, write-off.</summary>
public sealed record StockChangeRequest(
    [property: OneOf(StockChangeKinds.Receipt, StockChangeKinds.Issue, StockChangeKinds.Adjustment, StockChangeKinds.Rotation, StockChangeKinds.WriteOff)] string? Kind,
    [property: Text(L.Code)] string? MaterialCode,
    [property: Bounded(-L.MaxQuantity, L.MaxQuantity)] int? Quantity,
    [property: Text(L.Batch)] string? Batch,
    [property: Moment] DateOnly? Expiry,
    [property: Text(L.Batch)] string? NewBatch,
    [property: Moment] DateOnly? NewExpiry,
    [property: FreeText(L.Reason)] string? Reason,
    [property: Text(L.VoucherReference)] string? VoucherReference,
    Guid? ReservationId);

/// <summary>The kinds a warehouse posts, as documented (transfers post their own kinds).</summary>
public static class StockChangeKinds
{
    public const string Receipt = "receipt";
    public const string Issue = "issue";
    public const string Adjustment = "adjustment";
    public const string Rotation = "rotation";
    public const string WriteOff = "write-off";
}

public sealed record LedgerEntryResponse(
    long Sequence, Guid ChangeId, Guid WarehouseId, string MaterialCode, string Batch, DateOnly? Expiry, LedgerKind Kind,
    int Delta, int ReservedDelta, int BalanceAfter, string? Reason, string? VoucherReference, Guid? TransferId, Guid? ReservationId, string Actor, DateTime At)
{
    public static LedgerEntryResponse From(LedgerEntry e) => new(e.Id, e.ChangeId, e.WarehouseId, e.MaterialCode, e.Batch, e.Expiry, e.Kind,
        e.Delta, e.ReservedDelta, e.BalanceAfter, e.Reason, e.VoucherReference, e.TransferId, e.ReservationId, e.Actor, e.At);
}

public sealed record BalanceResponse(string MaterialCode, string MaterialName, string Unit, int OnHand, int Reserved, int Available, IReadOnlyList<BatchResponse> Batches);

public sealed record BatchResponse(string Batch, DateOnly? Expiry, int Quantity);

public sealed record StockChangeResponse(Guid ChangeId, IReadOnlyList<LedgerEntryResponse> Entries, BalanceResponse Balance);

public sealed record SetNormRequest(
    [property: Bounded(0, L.MaxBalance)] int? Minimum,
    [property: Bounded(0, L.MaxBalance)] int? RecoveryMargin);

public sealed record NormResponse(Guid WarehouseId, string MaterialCode, int Minimum, int RecoveryMargin, int Available, bool InShortfall);

/// <summary>
/// A warehouse and material in shortfall. <c>Missing</c> is what lacks to the minimum (never negative); a shortfall is cleared only at
/// minimum + <c>RecoveryMargin</c>, so one above the minimum stays listed with <c>Missing</c> 0 and <c>ToRecover</c> saying what is still needed.
/// </summary>
public sealed record ShortfallResponse(
    Guid WarehouseId, string WarehouseName, string DistrictCode, string MaterialCode, int Minimum, int Available, int Missing, DateTime? Since,
    int RecoveryMargin, int ToRecover);

public sealed record CreateTransferRequest(
    Guid? FromWarehouseId, Guid? ToWarehouseId,
    [property: Text(L.Code)] string? MaterialCode,
    [property: Bounded(1, L.MaxQuantity)] int? Quantity,
    [property: FreeText(L.Reason)] string? Reason);

public sealed record ReceiveTransferRequest(
    [property: Bounded(0, L.MaxQuantity)] int? Received,
    [property: FreeText(L.ShortReason)] string? ShortReason);

public sealed record TransferResponse(
    Guid Id, Guid FromWarehouseId, Guid ToWarehouseId, string MaterialCode, int Quantity, TransferStatus Status,
    IReadOnlyList<TransferLine> Lines, int? Received, string? ShortReason, string? Reason)
{
    public static TransferResponse From(Transfer t) => new(t.Id, t.FromWarehouseId, t.ToWarehouseId, t.MaterialCode, t.Quantity, t.Status, t.Lines, t.Received, t.ShortReason, t.Reason);
}

/// <summary>Sums over many warehouses, so 64-bit: a city's total may exceed what one warehouse may hold.</summary>
public sealed record MaterialTotal(string MaterialCode, string? DistrictCode, long OnHand, long Reserved, long Available, int Warehouses);

public sealed record NearbyWarehouse(Guid WarehouseId, string Code, string Name, string DistrictCode, int Available, int DistanceMetres);

public sealed record ExpiringBatch(Guid WarehouseId, string WarehouseName, string MaterialCode, string Batch, DateOnly Expiry, int Quantity, int DaysLeft);

public sealed record ReserveRequest(
    Guid? WarningId, Guid? WarehouseId,
    [property: Text(L.Code)] string? MaterialCode,
    [property: Bounded(1, L.MaxQuantity)] int? Quantity);

/// <summary>A reservation; <c>ReleasedBecause</c> says whether it was released on request or because its warning ended.</summary>
public sealed record ReservationResponse(
    Guid Id, Guid WarningId, Guid WarehouseId, string MaterialCode, int Quantity, int Remaining, bool Released,
    DateTime CreatedAt, DateTime? ReleasedAt, ReservationReleaseCause? ReleasedBecause)
{
    public static ReservationResponse From(Reservation r) =>
        new(r.Id, r.WarningId, r.WarehouseId, r.MaterialCode, r.Quantity, r.Remaining, r.Released, r.CreatedAt, r.ReleasedAt, r.ReleaseCause);
}
