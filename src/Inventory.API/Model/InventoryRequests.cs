namespace Inventory.API.Model;

public sealed record RegisterWarehouseRequest(
    string? Code, string? Name, string? Tier, string? DistrictCode, string? Address,
    double? Latitude, double? Longitude, string? Manager, double? Capacity);

public sealed record WarehouseResponse(Guid Id, string Code, string Name, WarehouseTier Tier, string DistrictCode, string Address, double Latitude, double Longitude, string Manager, double Capacity)
{
    public static WarehouseResponse From(Warehouse w) => new(w.Id, w.Code, w.Name, w.Tier, w.DistrictCode, w.Address, w.Latitude, w.Longitude, w.Manager, w.Capacity);
}

/// <summary>kind: receipt, issue, adjustment (signed quantity), rotation, write-off.</summary>
public sealed record StockChangeRequest(
    string? Kind, string? MaterialCode, int? Quantity, string? Batch, DateOnly? Expiry,
    string? NewBatch, DateOnly? NewExpiry, string? Reason, string? VoucherReference, Guid? ReservationId);

public sealed record LedgerEntryResponse(
    long Sequence, Guid ChangeId, Guid WarehouseId, string MaterialCode, string Batch, DateOnly? Expiry, LedgerKind Kind,
    int Delta, int BalanceAfter, string? Reason, string? VoucherReference, Guid? TransferId, Guid? ReservationId, string Actor, DateTime At)
{
    public static LedgerEntryResponse From(LedgerEntry e) => new(e.Id, e.ChangeId, e.WarehouseId, e.MaterialCode, e.Batch, e.Expiry, e.Kind,
        e.Delta, e.BalanceAfter, e.Reason, e.VoucherReference, e.TransferId, e.ReservationId, e.Actor, e.At);
}

public sealed record BalanceResponse(string MaterialCode, string MaterialName, string Unit, int OnHand, int Reserved, int Available, IReadOnlyList<BatchResponse> Batches);

public sealed record BatchResponse(string Batch, DateOnly? Expiry, int Quantity);

public sealed record StockChangeResponse(Guid ChangeId, IReadOnlyList<LedgerEntryResponse> Entries, BalanceResponse Balance);

public sealed record SetNormRequest(int? Minimum, int? RecoveryMargin);

public sealed record NormResponse(Guid WarehouseId, string MaterialCode, int Minimum, int RecoveryMargin, int Available, bool InShortfall);

public sealed record ShortfallResponse(Guid WarehouseId, string WarehouseName, string DistrictCode, string MaterialCode, int Minimum, int Available, int Missing, DateTime? Since);

public sealed record CreateTransferRequest(Guid? FromWarehouseId, Guid? ToWarehouseId, string? MaterialCode, int? Quantity, string? Reason);

public sealed record ReceiveTransferRequest(int? Received, string? ShortReason);

public sealed record TransferResponse(
    Guid Id, Guid FromWarehouseId, Guid ToWarehouseId, string MaterialCode, int Quantity, TransferStatus Status,
    IReadOnlyList<TransferLine> Lines, int? Received, string? ShortReason, string? Reason)
{
    public static TransferResponse From(Transfer t) => new(t.Id, t.FromWarehouseId, t.ToWarehouseId, t.MaterialCode, t.Quantity, t.Status, t.Lines, t.Received, t.ShortReason, t.Reason);
}

public sealed record MaterialTotal(string MaterialCode, string? DistrictCode, int OnHand, int Reserved, int Available, int Warehouses);

public sealed record NearbyWarehouse(Guid WarehouseId, string Code, string Name, string DistrictCode, int Available, int DistanceMetres);

public sealed record ExpiringBatch(Guid WarehouseId, string WarehouseName, string MaterialCode, string Batch, DateOnly Expiry, int Quantity, int DaysLeft);

public sealed record ReserveRequest(Guid? WarningId, Guid? WarehouseId, string? MaterialCode, int? Quantity);

public sealed record ReservationResponse(Guid Id, Guid WarningId, Guid WarehouseId, string MaterialCode, int Quantity, int Remaining, bool Released)
{
    public static ReservationResponse From(Reservation r) => new(r.Id, r.WarningId, r.WarehouseId, r.MaterialCode, r.Quantity, r.Remaining, r.Released);
}
