using System.ComponentModel;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Outbox;
using EmergencyOps.Messaging.Persistence;
using Inventory.API.Extensions;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using L = Inventory.API.Model.InventoryLimits;

namespace Inventory.API.Apis;

public static class TransfersApi
{
    public static RouteGroupBuilder MapTransfersApi(this RouteGroupBuilder api)
    {
        api.MapPost("/transfers", CreateTransfer).WithName("CreateTransfer").WithIdempotency<InventoryContext>()
            .WithSummary("Plan a transfer (调拨) between warehouses").WithRequestExample(InventoryExamples.Transfer).RequireAuthorization(InventoryPolicies.Dispatch);
        api.MapGet("/transfers/{id:guid}", GetTransfer).WithName("GetTransfer")
            .WithSummary("A transfer with the batches it carries").RequireAuthorization(InventoryPolicies.Read);
        api.MapGet("/transfers", ListTransfers).WithName("ListTransfers")
            .WithSummary("Transfers by status (e.g. dispatched = in transit)").RequireAuthorization(InventoryPolicies.Read);
        api.MapPost("/transfers/{id:guid}/dispatch", Dispatch).WithName("DispatchTransfer").WithIdempotency<InventoryContext>()
            .WithSummary("Stock leaves the source (earliest expiry first) and is in transit").RequireAuthorization(InventoryPolicies.Dispatch);
        api.MapPost("/transfers/{id:guid}/receive", Receive).WithName("ReceiveTransfer").WithIdempotency<InventoryContext>()
            .WithSummary("Stock arrives at the destination, possibly short with a reason").WithRequestExample(InventoryExamples.TransferReceipt).RequireAuthorization(InventoryPolicies.Dispatch);
        api.MapPost("/transfers/{id:guid}/cancel", Cancel).WithName("CancelTransfer").WithIdempotency<InventoryContext>()
            .WithSummary("Cancel; stock in transit returns to the source").RequireAuthorization(InventoryPolicies.Dispatch);
        return api;
    }

    public static async Task<Results<Created<TransferResponse>, ValidationProblem, ProblemHttpResult>> CreateTransfer(
        CreateTransferRequest r, [AsParameters] InventoryServices services, CancellationToken cancellationToken)
    {
        // A bound caller plans only transfers out of or into its own warehouse; each later step checks whose stock it moves.
        if (r.FromWarehouseId is { } source && r.ToWarehouseId is { } destination && !await services.Scope.CoversAnyAsync([source, destination], cancellationToken))
        {
            return services.Scope.NotYours($"a transfer from warehouse {source} to warehouse {destination}");
        }
        var db = services.Db;
        var errors = new Dictionary<string, string[]>();
        if (r.FromWarehouseId is not { } from || !await db.Warehouses.AnyAsync(w => w.Id == from, cancellationToken)) errors["fromWarehouseId"] = ["An existing source warehouse is required."];
        if (r.ToWarehouseId is not { } to || !await db.Warehouses.AnyAsync(w => w.Id == to, cancellationToken)) errors["toWarehouseId"] = ["An existing destination warehouse is required."];
        else if (to == r.FromWarehouseId) errors["toWarehouseId"] = ["Source and destination must differ."];
        if (r.MaterialCode is null || !await db.Materials.AnyAsync(m => m.Code == r.MaterialCode, cancellationToken)) errors["materialCode"] = [$"'{r.MaterialCode}' is not in the material catalogue."];
        if (r.Quantity is not > 0) errors["quantity"] = ["A whole number of units above 0."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var transfer = new Transfer
        {
            FromWarehouseId = r.FromWarehouseId!.Value, ToWarehouseId = r.ToWarehouseId!.Value, MaterialCode = r.MaterialCode!,
            Quantity = r.Quantity!.Value, Reason = r.Reason, Status = TransferStatus.Created, CreatedAt = services.Time.GetUtcNow().UtcDateTime,
        };
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/inventory/transfers/{transfer.Id}", TransferResponse.From(transfer));
    }

    public static async Task<Results<Ok<TransferResponse>, NotFound, ProblemHttpResult>> GetTransfer(Guid id, [AsParameters] InventoryServices services, CancellationToken cancellationToken)
    {
        if (await services.Db.Transfers.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken) is not { } t)
        {
            return TypedResults.NotFound();
        }
        return await services.Scope.CoversAnyAsync([t.FromWarehouseId, t.ToWarehouseId], cancellationToken)
            ? TypedResults.Ok(TransferResponse.From(t))
            : services.Scope.NotYours($"transfer {id}");
    }

    public static async Task<Results<Ok<IReadOnlyList<TransferResponse>>, ValidationProblem>> ListTransfers(
        [AsParameters] InventoryServices services, CancellationToken cancellationToken, [Text(L.EnumName), Description("created, dispatched (in transit), received or cancelled")] string? status = null)
    {
        TransferStatus s = default;
        if (status is not null && !EnumNames.TryParse(status, out s))
        {
            return Problems.Invalid("status", $"One of: {EnumNames.List<TransferStatus>()}.");
        }
        var query = await services.Scope.FilterAsync(services.Db.Transfers.AsNoTracking(),
            own => t => own.Contains(t.FromWarehouseId) || own.Contains(t.ToWarehouseId), cancellationToken);
        if (status is not null) query = query.Where(t => t.Status == s);
        var list = await query.OrderByDescending(t => t.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TransferResponse>>([.. list.Select(TransferResponse.From)]);
    }

    public static Task<Results<Ok<TransferResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Dispatch(
        Guid id, [AsParameters] InventoryServices services, IEventOutbox outbox, CorrelationContext correlation, CancellationToken cancellationToken) =>
        TransitionAsync(id, TransferStatus.Created, services, transfer => transfer.FromWarehouseId, async transfer =>
        {
            var movement = new Movement(Guid.NewGuid(), transfer.FromWarehouseId, transfer.MaterialCode, LedgerKind.TransferOut, services.Actor, transfer.Reason, TransferId: transfer.Id);
            var entries = await services.Ledger.TakeAsync(movement, null, transfer.Quantity, null, cancellationToken);
            if (entries.Count > L.MaxTransferLines)
            {
                // Not committed: the stock taken above goes back when the transaction is disposed.
                return Problems.Error("quantity", $"These {transfer.Quantity} units lie in {entries.Count} batches; one transfer carries at most {L.MaxTransferLines}: split it.");
            }
            transfer.Lines = [.. entries.Select(e => new TransferLine(e.Batch, e.Expiry, -e.Delta))];
            transfer.Status = TransferStatus.Dispatched;
            transfer.DispatchedAt = services.Time.GetUtcNow().UtcDateTime;
            await services.Norms.EvaluateAsync(transfer.FromWarehouseId, transfer.MaterialCode, cancellationToken);
            outbox.Add(new TransferDispatched(Guid.NewGuid(), services.Time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId,
                transfer.Id, transfer.FromWarehouseId, transfer.ToWarehouseId, transfer.MaterialCode, transfer.Quantity));
            return null;
        }, cancellationToken);

    public static Task<Results<Ok<TransferResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Receive(
        Guid id, ReceiveTransferRequest request, [AsParameters] InventoryServices services, IEventOutbox outbox, CorrelationContext correlation, CancellationToken cancellationToken) =>
        TransitionAsync(id, TransferStatus.Dispatched, services, transfer => transfer.ToWarehouseId, async transfer =>
        {
            var received = request.Received ?? transfer.Quantity;
            if (received < 0 || received > transfer.Quantity)
            {
                return Problems.Error("received", $"Between 0 and the {transfer.Quantity} units dispatched.");
            }
            if (received < transfer.Quantity && Required.IsMissing(request.ShortReason))
            {
                return Problems.Error("shortReason", $"{transfer.Quantity - received} units are missing: say why (damaged in transit, lost, ...).");
            }
            var movement = new Movement(Guid.NewGuid(), transfer.ToWarehouseId, transfer.MaterialCode, LedgerKind.TransferIn, services.Actor,
                received < transfer.Quantity ? $"short by {transfer.Quantity - received}: {request.ShortReason}" : transfer.Reason, TransferId: transfer.Id);
            var left = received;
            foreach (var line in transfer.Lines.Where(l => l.Quantity > 0))
            {
                var part = Math.Min(left, line.Quantity);
                if (part == 0) break;
                await services.Ledger.ReceiveAsync(movement, line.Batch, line.Expiry, part, cancellationToken);
                left -= part;
            }
            transfer.Received = received;
            transfer.ShortReason = received < transfer.Quantity ? request.ShortReason : null;
            transfer.Status = TransferStatus.Received;
            transfer.ClosedAt = services.Time.GetUtcNow().UtcDateTime;
            await services.Norms.EvaluateAsync(transfer.ToWarehouseId, transfer.MaterialCode, cancellationToken);
            outbox.Add(new TransferReceived(Guid.NewGuid(), services.Time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId,
                transfer.Id, transfer.ToWarehouseId, transfer.MaterialCode, transfer.Quantity, received, transfer.ShortReason));
            return null;
        }, cancellationToken);

    public static Task<Results<Ok<TransferResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Cancel(
        Guid id, [AsParameters] InventoryServices services, IEventOutbox outbox, CorrelationContext correlation, CancellationToken cancellationToken) =>
        TransitionAsync(id, null, services, transfer => transfer.FromWarehouseId, async transfer =>
        {
            var returned = 0;
            if (transfer.Status == TransferStatus.Dispatched)
            {
                var movement = new Movement(Guid.NewGuid(), transfer.FromWarehouseId, transfer.MaterialCode, LedgerKind.TransferIn, services.Actor, "transfer cancelled: returned", TransferId: transfer.Id);
                foreach (var line in transfer.Lines)
                {
                    await services.Ledger.ReceiveAsync(movement, line.Batch, line.Expiry, line.Quantity, cancellationToken);
                    returned += line.Quantity;
                }
                await services.Norms.EvaluateAsync(transfer.FromWarehouseId, transfer.MaterialCode, cancellationToken);
            }
            transfer.Status = TransferStatus.Cancelled;
            transfer.ClosedAt = services.Time.GetUtcNow().UtcDateTime;
            outbox.Add(new TransferCancelled(Guid.NewGuid(), services.Time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId,
                transfer.Id, transfer.FromWarehouseId, transfer.MaterialCode, returned));
            return null;
        }, cancellationToken);

    /// <summary>
    /// Loads the transfer, checks that the caller acts for the warehouse whose stock the step moves (<paramref name="movesStockOf"/>:
    /// dispatch and cancel the source's, receive the destination's), checks its state, applies the step in one transaction;
    /// a concurrent step loses with a 409.
    /// </summary>
    private static async Task<Results<Ok<TransferResponse>, NotFound, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        Guid id, TransferStatus? expected, InventoryServices services, Func<Transfer, Guid> movesStockOf, Func<Transfer, Task<Dictionary<string, string[]>?>> step,
        CancellationToken cancellationToken)
    {
        var db = services.Db;
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var transfer = await db.Transfers.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (transfer is null)
        {
            return TypedResults.NotFound();
        }
        if (!await services.Scope.CoversAsync(movesStockOf(transfer), cancellationToken))
        {
            return services.Scope.NotYours($"transfer {id}");
        }
        if (expected is not null && transfer.Status != expected)
        {
            return TypedResults.Problem($"The transfer is {transfer.Status.ToString().ToLowerInvariant()}; this step needs it {expected.ToString()!.ToLowerInvariant()}.",
                statusCode: StatusCodes.Status409Conflict, title: "Wrong transfer state");
        }
        // A cancel (no expected state) applies to a created or dispatched transfer: a closed one is in the wrong state like any other step.
        if (expected is null && transfer.Status is TransferStatus.Received or TransferStatus.Cancelled)
        {
            return TypedResults.Problem($"The transfer is already {transfer.Status.ToString().ToLowerInvariant()}; only a created or dispatched transfer can be cancelled.",
                statusCode: StatusCodes.Status409Conflict, title: "Wrong transfer state");
        }
        try
        {
            if (await step(transfer) is { } errors)
            {
                return TypedResults.ValidationProblem(errors);
            }
            transfer.Version++;
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(TransferResponse.From(transfer));
        }
        catch (InsufficientStockException shortage)
        {
            return TypedResults.Problem($"{shortage.Requested} of {shortage.MaterialCode} to dispatch; {shortage.Available} {shortage.AvailableWords} at the source.",
                statusCode: StatusCodes.Status409Conflict, title: "Insufficient stock",
                extensions: new Dictionary<string, object?> { ["available"] = shortage.Available, ["availableOf"] = shortage.AvailableOf });
        }
        catch (BalanceLimitException full)
        {
            return StockApi.BalanceLimitProblem(full, expected == TransferStatus.Dispatched ? "received" : "quantity");
        }
        catch (WarehouseDeletedException)
        {
            return TypedResults.Problem("A warehouse of this transfer was deleted meanwhile; nothing was written.", statusCode: StatusCodes.Status409Conflict, title: "Warehouse deleted");
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem("Another request changed this transfer at the same time; read it again.", statusCode: StatusCodes.Status409Conflict, title: "Concurrent change");
        }
    }
}
