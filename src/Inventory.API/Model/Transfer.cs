namespace Inventory.API.Model;

public enum TransferStatus
{
    Created,
    Dispatched,
    Received,
    Cancelled,
}

/// <summary>调拨: source → in transit → destination. At every moment source + in transit + destination is conserved.</summary>
public class Transfer
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid FromWarehouseId { get; set; }

    public Guid ToWarehouseId { get; set; }

    public required string MaterialCode { get; set; }

    public int Quantity { get; set; }

    public TransferStatus Status { get; set; }

    public string? Reason { get; set; }

    /// <summary>The batches that left the source (FEFO), kept so a receipt or a cancellation puts back the same batches.</summary>
    public List<TransferLine> Lines { get; set; } = [];

    public int? Received { get; set; }

    public string? ShortReason { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? DispatchedAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public int Version { get; set; }
}

public sealed record TransferLine(string Batch, DateOnly? Expiry, int Quantity);
