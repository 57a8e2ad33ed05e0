using System.ComponentModel;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Persistence;
using Inventory.API.Extensions;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using L = Inventory.API.Model.InventoryLimits;

namespace Inventory.API.Apis;

public static class StockApi
{
    private static readonly string[] AdjustmentReasons = ["lost", "found", "damaged", "expired", "count-correction"];

    public static RouteGroupBuilder MapStockApi(this RouteGroupBuilder api)
    {
        api.MapPost("/warehouses/{id:guid}/stock-changes", PostStockChange).WithName("PostStockChange")
            .WithSummary("Post a receipt, issue, adjustment, rotation or write-off (Idempotency-Key required)")
            .WithIdempotency<InventoryContext>(required: true)
            .WithRequestExample(InventoryExamples.StockChange)
            .RequireAuthorization(InventoryPolicies.WriteOwnStock);
        api.MapGet("/warehouses/{id:guid}/balances", GetBalances).WithName("GetBalances")
            .WithSummary("Balances of a warehouse by material and batch, earliest expiry first").RequireAuthorization(InventoryPolicies.Read);
        api.MapGet("/warehouses/{id:guid}/ledger", GetLedger).WithName("GetLedger")
            .WithSummary("The warehouse's stock ledger, newest first, filterable by material and kind").RequireAuthorization(InventoryPolicies.Read);
        return api;
    }

    public static async Task<Results<Ok<StockChangeResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PostStockChange(
        Guid id, StockChangeRequest request, [AsParameters] InventoryServices services, CancellationToken cancellationToken)
    {
        // inventory:write-own-stock means the caller's own stock: a warehouse client posts nowhere else.
        if (!await services.Scope.CoversAsync(id, cancellationToken))
        {
            return services.Scope.NotYours($"warehouse {id}");
        }
        var db = services.Db;
        if (!await StockQueries.WarehouseExists(db, id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var material = request.MaterialCode is null ? null : await StockQueries.Material(db, request.MaterialCode, cancellationToken);
        var errors = Validate(request, material, out var kind);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var quantity = request.Quantity!.Value;
        var changeId = Guid.NewGuid();
        var movement = new Movement(changeId, id, material!.Code, kind, services.Actor, request.Reason, request.VoucherReference, ReservationId: request.ReservationId);
        var batch = material.BatchTracked ? request.Batch : "";
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        try
        {
            List<LedgerEntry> entries = [];
            switch (kind)
            {
                case LedgerKind.Receipt:
                case LedgerKind.Adjustment when quantity > 0:
                    var expiry = request.Expiry ?? await StockQueries.BatchExpiry(db, id, material.Code, batch!, cancellationToken);
                    entries.Add(await services.Ledger.ReceiveAsync(movement, batch!, expiry, quantity, cancellationToken));
                    break;
                case LedgerKind.Issue when request.ReservationId is { } reservationId:
                    var reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == reservationId, cancellationToken);
                    if (reservation is null || reservation.Released || reservation.WarehouseId != id || reservation.MaterialCode != material.Code)
                    {
                        return Problems.Invalid("reservationId", "No open reservation of this material at this warehouse has that id.");
                    }
                    if (reservation.Remaining < quantity)
                    {
                        throw new InsufficientStockException(material.Code, quantity, reservation.Remaining, InsufficientStockException.OfReservation);
                    }
                    reservation.Remaining -= quantity;
                    entries.AddRange(await services.Ledger.TakeAsync(movement, batch, quantity, reservation, cancellationToken));
                    break;
                case LedgerKind.Rotation:
                    entries.AddRange(await services.Ledger.TakeAsync(movement, batch, quantity, null, cancellationToken));
                    entries.Add(await services.Ledger.ReceiveAsync(movement, request.NewBatch!, request.NewExpiry, quantity, cancellationToken));
                    break;
                default:
                    entries.AddRange(await services.Ledger.TakeAsync(movement, string.IsNullOrEmpty(batch) ? null : batch, Math.Abs(quantity), null, cancellationToken));
                    break;
            }
            await services.Norms.EvaluateAsync(id, material.Code, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            var balance = await services.BalanceAsync(id, material, cancellationToken);
            return TypedResults.Ok(new StockChangeResponse(changeId, [.. entries.Select(LedgerEntryResponse.From)], balance));
        }
        catch (InsufficientStockException shortage)
        {
            return TypedResults.Problem(
                $"{shortage.Requested} {material.Unit} of {material.Name} ({material.Code}) requested{(batch is { Length: > 0 } ? $" from batch {batch}" : "")}{(request.ReservationId is { } rid ? $" against reservation {rid}" : "")}; {shortage.Available} {shortage.AvailableWords}. Nothing was written.",
                statusCode: StatusCodes.Status409Conflict, title: "Insufficient stock",
                extensions: new Dictionary<string, object?> { ["materialCode"] = material.Code, ["requested"] = shortage.Requested, ["available"] = shortage.Available, ["availableOf"] = shortage.AvailableOf });
        }
        catch (BalanceLimitException full)
        {
            return BalanceLimitProblem(full, "quantity");
        }
        catch (WarehouseDeletedException)
        {
            return TypedResults.NotFound();
        }
    }

    /// <summary>A 409 naming the field whose quantity would take the balance beyond the documented maximum.</summary>
    public static ProblemHttpResult BalanceLimitProblem(BalanceLimitException full, string field)
    {
        ArgumentNullException.ThrowIfNull(full);
        var message = $"{full.Requested} more of {full.MaterialCode} would take the balance of {full.OnHand} beyond {L.MaxBalance}, the most one warehouse may hold; {full.Room} can still be added. Nothing was written.";
        return TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: "Balance limit",
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = new Dictionary<string, string[]> { [field] = [message] },
                ["materialCode"] = full.MaterialCode, ["onHand"] = full.OnHand, ["maxBalance"] = L.MaxBalance,
            });
    }

    public static async Task<Results<Ok<IReadOnlyList<BalanceResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> GetBalances(
        Guid id, [AsParameters] InventoryServices services, CancellationToken cancellationToken, [Text(L.Code)] string? material = null)
    {
        if (!await services.Scope.CoversAsync(id, cancellationToken))
        {
            return services.Scope.NotYours($"warehouse {id}");
        }
        if (!await services.Db.Warehouses.AnyAsync(w => w.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if (material is not null && !await services.Db.Materials.AnyAsync(m => m.Code == material, cancellationToken))
        {
            return Problems.Invalid("material", $"'{material}' is not in the material catalogue.");
        }
        var codes = await services.Db.StockLevels.AsNoTracking().Where(l => l.WarehouseId == id && (material == null || l.MaterialCode == material))
            .Select(l => l.MaterialCode).ToListAsync(cancellationToken);
        var materials = await services.Db.Materials.AsNoTracking().Where(m => codes.Contains(m.Code)).OrderBy(m => m.Code).ToListAsync(cancellationToken);
        var balances = new List<BalanceResponse>();
        foreach (var m in materials)
        {
            balances.Add(await services.BalanceAsync(id, m, cancellationToken));
        }
        return TypedResults.Ok<IReadOnlyList<BalanceResponse>>(balances);
    }

    /// <summary>The ledger stays readable after the warehouse is deleted: it is the append-only record of what it held.</summary>
    public static async Task<Results<Ok<PaginatedItems<LedgerEntryResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> GetLedger(
        Guid id, [AsParameters] InventoryServices services, CancellationToken cancellationToken,
        [Text(L.Code)] string? material = null, [Text(L.EnumName), Description("receipt, issue, adjustment, rotation, write-off, transfer-out or transfer-in")] string? kind = null,
        [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if (!await services.Scope.CoversAsync(id, cancellationToken))
        {
            return services.Scope.NotYours($"warehouse {id}");
        }
        if (!await services.Db.Warehouses.IgnoreQueryFilters().AnyAsync(w => w.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var errors = new Dictionary<string, string[]>();
        if (material is not null && !await services.Db.Materials.AnyAsync(m => m.Code == material, cancellationToken)) errors["material"] = [$"'{material}' is not in the material catalogue."];
        LedgerKind k = default;
        if (kind is not null && !EnumNames.TryParse(kind, out k)) errors["kind"] = [$"One of: {EnumNames.List<LedgerKind>()}."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = services.Db.Ledger.AsNoTracking().Where(e => e.WarehouseId == id);
        if (material is not null) query = query.Where(e => e.MaterialCode == material);
        if (kind is not null) query = query.Where(e => e.Kind == k);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(e => e.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<LedgerEntryResponse>(pageIndex, pageSize, count, [.. page.Select(LedgerEntryResponse.From)]));
    }

    private static Dictionary<string, string[]> Validate(StockChangeRequest r, Material? material, out LedgerKind kind)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors.TryAdd(field, [message]);
        // The documented names only (the request type's [OneOf] says the same): never a number, never a transfer's kind.
        kind = r.Kind?.ToLowerInvariant() switch
        {
            StockChangeKinds.Receipt => LedgerKind.Receipt,
            StockChangeKinds.Issue => LedgerKind.Issue,
            StockChangeKinds.Adjustment => LedgerKind.Adjustment,
            StockChangeKinds.Rotation => LedgerKind.Rotation,
            StockChangeKinds.WriteOff => LedgerKind.WriteOff,
            _ => (LedgerKind)(-1),
        };
        if (!Enum.IsDefined(kind)) Fail("kind", "Kind is 'receipt', 'issue', 'adjustment', 'rotation' or 'write-off'.");
        if (material is null) Fail("materialCode", $"'{r.MaterialCode}' is not in the material catalogue.");
        if (r.Quantity is not { } q || q == 0 || (q < 0 && kind != LedgerKind.Adjustment) || Math.Abs(q) > L.MaxQuantity)
        {
            Fail("quantity", $"A whole number of units from 1 to {L.MaxQuantity} (an adjustment may be negative, never 0).");
        }
        if (r.ReservationId is not null && kind != LedgerKind.Issue) Fail("reservationId", "Only an issue can draw on a reservation.");
        if (kind is LedgerKind.Adjustment && !AdjustmentReasons.Contains(r.Reason)) Fail("reason", $"An adjustment gives its reason: {string.Join(", ", AdjustmentReasons)}.");
        if (kind is LedgerKind.WriteOff && (r.Reason is null || TextRules.IsBlank(r.Reason))) Fail("reason", "A write-off gives its reason.");
        if (material is null || errors.Count > 0)
        {
            return errors;
        }
        var incoming = kind == LedgerKind.Receipt || (kind == LedgerKind.Adjustment && r.Quantity > 0);
        if (material.BatchTracked && incoming && Required.IsMissing(r.Batch)) Fail("batch", $"{material.Name} is tracked by batch: name the batch received.");
        if (material.BatchTracked && material.ShelfLifeDays is not null && kind == LedgerKind.Receipt && r.Expiry is null) Fail("expiry", $"{material.Name} expires: give the batch's expiry date.");
        if (!material.BatchTracked && (r.Batch is { Length: > 0 } || kind == LedgerKind.Rotation)) Fail("batch", $"{material.Name} is not tracked by batch.");
        if (kind == LedgerKind.Rotation && (Required.IsMissing(r.Batch) || Required.IsMissing(r.NewBatch) || r.NewExpiry is null))
        {
            Fail("newBatch", "A rotation names the expiring batch, the new batch and its expiry.");
        }
        return errors;
    }
}
