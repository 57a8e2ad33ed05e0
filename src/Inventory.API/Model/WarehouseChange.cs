namespace Inventory.API.Model;

public enum WarehouseChangeKind
{
    Corrected,
    Deleted,
}

/// <summary>An administrator's correction or deletion of a warehouse: who, when and what changed (kept for audit).</summary>
public class WarehouseChange
{
    public long Id { get; set; }

    public Guid WarehouseId { get; set; }

    public WarehouseChangeKind Kind { get; set; }

    /// <summary>Field by field, old → new; for a deletion, what the warehouse was.</summary>
    public required string Changes { get; set; }

    public required string Actor { get; set; }

    public DateTime At { get; set; }
}

/// <summary>The log lines of administrators' changes to warehouses, next to the rows in WarehouseChanges.</summary>
public static partial class WarehouseChangeLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Warehouse {Code} ({WarehouseId}) corrected by {Actor}: {Changes}")]
    public static partial void Corrected(ILogger logger, string code, Guid warehouseId, string actor, string changes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warehouse {Code} ({WarehouseId}) deleted by {Actor}; its ledger is kept")]
    public static partial void Deleted(ILogger logger, string code, Guid warehouseId, string actor);
}
