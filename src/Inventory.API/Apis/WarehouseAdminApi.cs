using System.Globalization;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.ServiceDefaults;
using Inventory.API.Extensions;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Apis;

/// <summary>
/// Administrators correct a warehouse's description or delete a warehouse; each change is logged with its actor and kept
/// in WarehouseChanges. Deleting is soft: the ledger is append-only, so the warehouse leaves every list and answers 404,
/// while its ledger stays readable and its code stays taken.
/// </summary>
public static class WarehouseAdminApi
{
    public static RouteGroupBuilder MapWarehouseAdminApi(this RouteGroupBuilder api)
    {
        api.MapPut("/warehouses/{id:guid}", CorrectWarehouse).WithName("CorrectWarehouse")
            .WithSummary("Correct a warehouse's name, address, position, capacity, manager, tier or district (administrators; logged)")
            .WithRequestExample(InventoryExamples.Correction).RequireAuthorization(InventoryPolicies.Manage);
        api.MapDelete("/warehouses/{id:guid}", DeleteWarehouse).WithName("DeleteWarehouse")
            .WithSummary("Delete a warehouse that holds no stock, reservations or transfers in progress (administrators; logged; its ledger is kept)")
            .RequireAuthorization(InventoryPolicies.Manage);
        return api;
    }

    public static async Task<Results<Ok<WarehouseResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CorrectWarehouse(
        Guid id, CorrectWarehouseRequest r, [AsParameters] InventoryServices services, ILogger<WarehouseChange> logger, CancellationToken cancellationToken)
    {
        if (!await services.Scope.CoversAsync(id, cancellationToken))
        {
            return services.Scope.NotYours($"warehouse {id}");
        }
        var warehouse = await services.Db.Warehouses.SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (warehouse is null)
        {
            return TypedResults.NotFound();
        }
        var errors = WarehouseRules.Validate(r.Name, r.Tier, r.DistrictCode, r.Address, r.Latitude, r.Longitude, r.Manager, r.Capacity, out var tier);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var changes = new List<string>();
        void Set<T>(string field, T old, T value, Action<T> apply)
        {
            if (!EqualityComparer<T>.Default.Equals(old, value))
            {
                changes.Add($"{field}: {Show(old)} → {Show(value)}");
                apply(value);
            }
        }
        Set("name", warehouse.Name, r.Name!.Trim(), v => warehouse.Name = v);
        Set("tier", warehouse.Tier, tier, v => warehouse.Tier = v);
        Set("districtCode", warehouse.DistrictCode, r.DistrictCode!, v => warehouse.DistrictCode = v);
        Set("address", warehouse.Address, r.Address!.Trim(), v => warehouse.Address = v);
        Set("latitude", warehouse.Latitude, r.Latitude!.Value, v => warehouse.Latitude = v);
        Set("longitude", warehouse.Longitude, r.Longitude!.Value, v => warehouse.Longitude = v);
        Set("manager", warehouse.Manager, r.Manager!.Trim(), v => warehouse.Manager = v);
        Set("capacity", warehouse.Capacity, r.Capacity!.Value, v => warehouse.Capacity = v);
        if (changes.Count > 0)
        {
            var summary = string.Join("; ", changes);
            services.Db.WarehouseChanges.Add(new WarehouseChange
            {
                WarehouseId = id, Kind = WarehouseChangeKind.Corrected, Changes = summary, Actor = services.Actor, At = services.Time.GetUtcNow().UtcDateTime,
            });
            // DeletedAt is a concurrency token: a deletion that committed meanwhile makes this a 409, never a revival.
            await services.Db.SaveChangesAsync(cancellationToken);
            WarehouseChangeLog.Corrected(logger, warehouse.Code, id, services.Actor, summary);
        }
        return TypedResults.Ok(WarehouseResponse.From(warehouse));
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> DeleteWarehouse(
        Guid id, [AsParameters] InventoryServices services, ILogger<WarehouseChange> logger, CancellationToken cancellationToken)
    {
        if (!await services.Scope.CoversAsync(id, cancellationToken))
        {
            return services.Scope.NotYours($"warehouse {id}");
        }
        var db = services.Db;
        var warehouse = await db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (warehouse is null)
        {
            return TypedResults.NotFound();
        }
        if (await InUseAsync(db, warehouse, cancellationToken) is { } inUse)
        {
            return inUse;
        }
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var now = services.Time.GetUtcNow().UtcDateTime;
        // One conditional UPDATE: stock, a reservation or a transfer that arrived since the check above still stops it.
        var deleted = await db.Warehouses
            .Where(w => w.Id == id
                && !db.StockLevels.Any(l => l.WarehouseId == id && l.OnHand > 0)
                && !db.Reservations.Any(x => x.WarehouseId == id && !x.Released && x.Remaining > 0)
                && !db.Transfers.Any(t => (t.FromWarehouseId == id || t.ToWarehouseId == id) && (t.Status == TransferStatus.Created || t.Status == TransferStatus.Dispatched)))
            .ExecuteUpdateAsync(u => u.SetProperty(w => w.DeletedAt, now), cancellationToken);
        if (deleted == 0)
        {
            return await db.Warehouses.AnyAsync(w => w.Id == id, cancellationToken)
                ? await InUseAsync(db, warehouse, cancellationToken) ?? TypedResults.Problem("The warehouse changed while it was being deleted; try again.", statusCode: StatusCodes.Status409Conflict, title: "Warehouse in use")
                : TypedResults.NotFound();
        }
        db.WarehouseChanges.Add(new WarehouseChange
        {
            WarehouseId = id, Kind = WarehouseChangeKind.Deleted, Actor = services.Actor, At = now,
            Changes = $"deleted: code {Show(warehouse.Code)}, name {Show(warehouse.Name)}, tier {Show(warehouse.Tier)}, districtCode {Show(warehouse.DistrictCode)}",
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        WarehouseChangeLog.Deleted(logger, warehouse.Code, id, services.Actor);
        return TypedResults.NoContent();
    }

    /// <summary>What keeps a warehouse from being deleted, as a 409 that says what to do first; null when nothing does.</summary>
    private static async Task<ProblemHttpResult?> InUseAsync(InventoryContext db, Warehouse warehouse, CancellationToken cancellationToken)
    {
        var id = warehouse.Id;
        var stock = await db.StockLevels.AsNoTracking().Where(l => l.WarehouseId == id && l.OnHand > 0)
            .OrderBy(l => l.MaterialCode).Select(l => new { l.MaterialCode, l.OnHand }).ToListAsync(cancellationToken);
        var reservations = await db.Reservations.AsNoTracking().Where(x => x.WarehouseId == id && !x.Released && x.Remaining > 0).Select(x => x.Id).ToListAsync(cancellationToken);
        var transfers = await db.Transfers.AsNoTracking()
            .Where(t => (t.FromWarehouseId == id || t.ToWarehouseId == id) && (t.Status == TransferStatus.Created || t.Status == TransferStatus.Dispatched))
            .Select(t => t.Id).ToListAsync(cancellationToken);
        if (stock.Count == 0 && reservations.Count == 0 && transfers.Count == 0)
        {
            return null;
        }
        List<string> reasons = [];
        if (stock.Count > 0) reasons.Add($"it holds stock of {string.Join(", ", stock.Select(s => s.MaterialCode))} (issue or transfer it)");
        if (reservations.Count > 0) reasons.Add($"{reservations.Count} reservation(s) are open (release them)");
        if (transfers.Count > 0) reasons.Add($"{transfers.Count} transfer(s) to or from it are in progress (receive or cancel them)");
        return TypedResults.Problem($"Warehouse {warehouse.Code} cannot be deleted: {string.Join("; ", reasons)}.",
            statusCode: StatusCodes.Status409Conflict, title: "Warehouse in use",
            extensions: new Dictionary<string, object?> { ["stock"] = stock, ["reservations"] = reservations, ["transfers"] = transfers });
    }

    private static string Show<T>(T value) => value switch
    {
        string text => $"\"{text}\"",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        WarehouseTier t => t.ToString().ToLowerInvariant(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
