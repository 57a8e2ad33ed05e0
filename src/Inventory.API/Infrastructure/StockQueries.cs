using Inventory.API.Model;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Infrastructure;

/// <summary>
/// The reads of every stock change, compiled once: a LINQ query is otherwise walked, its parameters extracted and its
/// cache key hashed on each call, which the profile of the stock benchmark showed as a large share of inventory's CPU.
/// </summary>
internal static class StockQueries
{
    /// <summary>True when the warehouse exists and is not deleted (the query filter applies).</summary>
    public static readonly Func<InventoryContext, Guid, CancellationToken, Task<bool>> WarehouseExists =
        EF.CompileAsyncQuery((InventoryContext db, Guid id, CancellationToken _) => db.Warehouses.Any(w => w.Id == id));

    public static readonly Func<InventoryContext, string, CancellationToken, Task<Material?>> Material =
        EF.CompileAsyncQuery((InventoryContext db, string code, CancellationToken _) => db.Materials.AsNoTracking().SingleOrDefault(m => m.Code == code));

    public static readonly Func<InventoryContext, Guid, string, CancellationToken, Task<StockLevel?>> Level =
        EF.CompileAsyncQuery((InventoryContext db, Guid warehouseId, string material, CancellationToken _) =>
            db.StockLevels.AsNoTracking().SingleOrDefault(l => l.WarehouseId == warehouseId && l.MaterialCode == material));

    /// <summary>The batches that hold stock of the material (only the named one, when a batch is given), in no particular order.</summary>
    public static readonly Func<InventoryContext, Guid, string, string?, IAsyncEnumerable<StockBatch>> HeldBatches =
        EF.CompileAsyncQuery((InventoryContext db, Guid warehouseId, string material, string? batch) =>
            db.StockBatches.AsNoTracking().Where(b => b.WarehouseId == warehouseId && b.MaterialCode == material && b.Quantity > 0 && (batch == null || b.Batch == batch)));

    /// <summary>The expiry a batch was received with, so a later receipt into it keeps it.</summary>
    public static readonly Func<InventoryContext, Guid, string, string, CancellationToken, Task<DateOnly?>> BatchExpiry =
        EF.CompileAsyncQuery((InventoryContext db, Guid warehouseId, string material, string batch, CancellationToken _) =>
            db.StockBatches.Where(b => b.WarehouseId == warehouseId && b.MaterialCode == material && b.Batch == batch).Select(b => b.Expiry).FirstOrDefault());

    /// <summary>The reserve norm of the material at the warehouse, tracked: evaluating it may raise or clear its shortfall.</summary>
    public static readonly Func<InventoryContext, Guid, string, CancellationToken, Task<ReserveNorm?>> Norm =
        EF.CompileAsyncQuery((InventoryContext db, Guid warehouseId, string material, CancellationToken _) =>
            db.Norms.SingleOrDefault(n => n.WarehouseId == warehouseId && n.MaterialCode == material));
}
