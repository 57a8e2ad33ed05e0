namespace Inventory.API.Model;

/// <summary>
/// One material in one warehouse: what is on hand and how much of it is reserved. Every change to it
/// is a conditional UPDATE, so concurrent writers can neither lose an update nor go below zero.
/// </summary>
public class StockLevel
{
    public Guid WarehouseId { get; set; }

    public required string MaterialCode { get; set; }

    public int OnHand { get; set; }

    public int Reserved { get; set; }

    public int Available => OnHand - Reserved;
}

/// <summary>A batch of a material in a warehouse ("" for materials not tracked by batch).</summary>
public class StockBatch
{
    public Guid WarehouseId { get; set; }

    public required string MaterialCode { get; set; }

    public required string Batch { get; set; }

    public DateOnly? Expiry { get; set; }

    public int Quantity { get; set; }

    /// <summary>Set once the batch-expiring event went out, so it goes out once.</summary>
    public bool ExpiryAnnounced { get; set; }
}

public enum LedgerKind
{
    Receipt,
    Issue,
    Adjustment,
    Rotation,
    WriteOff,
    TransferOut,
    TransferIn,

    /// <summary>Stock set aside for a warning: on hand unchanged, reserved up.</summary>
    Reservation,

    /// <summary>What was left of a reservation returned to ordinary use: on hand unchanged, reserved down.</summary>
    ReservationRelease,
}

/// <summary>The append-only stock ledger (台账): balances always equal the sum of its deltas.</summary>
public class LedgerEntry
{
    public long Id { get; set; }

    /// <summary>Groups the entries of one stock change (an issue split across batches, a rotation).</summary>
    public Guid ChangeId { get; set; }

    public Guid WarehouseId { get; set; }

    public required string MaterialCode { get; set; }

    public required string Batch { get; set; }

    public DateOnly? Expiry { get; set; }

    public LedgerKind Kind { get; set; }

    public int Delta { get; set; }

    /// <summary>The change to the reserved quantity: + when reserved, − when released or issued against a reservation.</summary>
    public int ReservedDelta { get; set; }

    /// <summary>The material's on-hand quantity in the warehouse after this entry.</summary>
    public int BalanceAfter { get; set; }

    public string? Reason { get; set; }

    public string? VoucherReference { get; set; }

    public Guid? TransferId { get; set; }

    public Guid? ReservationId { get; set; }

    public required string Actor { get; set; }

    public DateTime At { get; set; }
}

/// <summary>储备定额: the minimum a warehouse keeps of a material.</summary>
public class ReserveNorm
{
    public Guid WarehouseId { get; set; }

    public required string MaterialCode { get; set; }

    public int Minimum { get; set; }

    /// <summary>Recovered only at or above Minimum + RecoveryMargin, so the alert does not flap.</summary>
    public int RecoveryMargin { get; set; }

    public bool InShortfall { get; set; }

    public DateTime? ShortSince { get; set; }
}
