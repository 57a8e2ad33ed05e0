using EmergencyOps.ServiceDefaults;
using System.Security.Claims;
using EmergencyOps.ServiceDefaults.Input;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Apis;

/// <summary>What the inventory handlers share, bound with <c>[AsParameters]</c>.</summary>
// Services, not input: the request validation must not walk into the DbContext. (SkipValidation is marked for
// evaluation in .NET 10; the package version is pinned, so a change to it shows at an upgrade.)
#pragma warning disable ASP0029
[Microsoft.Extensions.Validation.SkipValidation]
#pragma warning restore ASP0029
public sealed class InventoryServices(InventoryContext db, StockLedger ledger, ReserveNorms norms, TimeProvider time, ClaimsPrincipal user, WarehouseBindings bindings)
{
    public InventoryContext Db { get; } = db;

    public StockLedger Ledger { get; } = ledger;

    public ReserveNorms Norms { get; } = norms;

    public TimeProvider Time { get; } = time;

    public ClaimsPrincipal User { get; } = user;

    // [AsParameters] binds a constructor parameter only with a property of its name.
    public WarehouseBindings Bindings { get; } = bindings;

    /// <summary>The warehouses this caller may act for and see (all of them, unless its token binds it to one).</summary>
    public WarehouseScope Scope { get; } = new(db, user, bindings);

    /// <summary>Who acts, as the ledger and the change log record it.</summary>
    public string Actor => User.ActorName();

    public async Task<BalanceResponse> BalanceAsync(Guid warehouseId, Material material, CancellationToken cancellationToken)
    {
        var level = await StockQueries.Level(Db, warehouseId, material.Code, cancellationToken);
        var batches = await StockQueries.HeldBatches(Db, warehouseId, material.Code, null).ToListAsync(cancellationToken);
        return new BalanceResponse(material.Code, material.Name, material.Unit, level?.OnHand ?? 0, level?.Reserved ?? 0, level?.Available ?? 0,
            [.. batches.OrderBy(b => b.Expiry ?? DateOnly.MaxValue).ThenBy(b => b.Batch, StringComparer.Ordinal).Select(b => new BatchResponse(b.Batch, b.Expiry, b.Quantity))]);
    }

}
