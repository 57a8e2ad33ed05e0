using EmergencyOps.ServiceDefaults;
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

namespace Inventory.API.Apis;

public static class ReservationsApi
{
    public static RouteGroupBuilder MapReservationsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/reservations", Reserve).WithName("ReserveStock").WithIdempotency<InventoryContext>()
            .WithSummary("Reserve stock at a warehouse for a warning; reserved stock is kept from ordinary issues").WithRequestExample(InventoryExamples.Reservation).RequireAuthorization(InventoryPolicies.Dispatch);
        api.MapPost("/reservations/{id:guid}/release", Release).WithName("ReleaseReservation").WithIdempotency<InventoryContext>()
            .WithSummary("Release what is left of a reservation back to ordinary use").RequireAuthorization(InventoryPolicies.Dispatch);
        api.MapGet("/reservations", List).WithName("ListReservations")
            .WithSummary("Reservations, by warning").RequireAuthorization(InventoryPolicies.Read);
        return api;
    }

    public static async Task<Results<Created<ReservationResponse>, ValidationProblem, ProblemHttpResult>> Reserve(
        ReserveRequest r, [AsParameters] InventoryServices services, IEventOutbox outbox, CorrelationContext correlation, CancellationToken cancellationToken)
    {
        // Reserved stock is kept from the warehouse's own issues: only the warehouse itself, or the city, reserves it.
        if (r.WarehouseId is { } target && !await services.Scope.CoversAsync(target, cancellationToken))
        {
            return services.Scope.NotYours($"warehouse {target}");
        }
        var db = services.Db;
        var errors = new Dictionary<string, string[]>();
        if (r.WarningId is null || r.WarningId == Guid.Empty) errors["warningId"] = ["The warning the stock is reserved for."];
        if (r.WarehouseId is not { } wid || !await db.Warehouses.AnyAsync(w => w.Id == wid, cancellationToken)) errors["warehouseId"] = ["An existing warehouse."];
        if (r.MaterialCode is null || !await db.Materials.AnyAsync(m => m.Code == r.MaterialCode, cancellationToken)) errors["materialCode"] = [$"'{r.MaterialCode}' is not in the material catalogue."];
        if (r.Quantity is not > 0) errors["quantity"] = ["A whole number of units above 0."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var quantity = r.Quantity!.Value;
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var reserved = await db.StockLevels.Where(l => l.WarehouseId == r.WarehouseId && l.MaterialCode == r.MaterialCode && l.OnHand - l.Reserved >= quantity)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Reserved, l => l.Reserved + quantity), cancellationToken);
        if (reserved == 0)
        {
            var available = await db.StockLevels.Where(l => l.WarehouseId == r.WarehouseId && l.MaterialCode == r.MaterialCode).Select(l => l.OnHand - l.Reserved).SingleOrDefaultAsync(cancellationToken);
            return TypedResults.Problem($"{quantity} of {r.MaterialCode} to reserve; {available} available (the warehouse's unreserved stock).", statusCode: StatusCodes.Status409Conflict,
                title: "Insufficient stock", extensions: new Dictionary<string, object?> { ["available"] = available, ["availableOf"] = InsufficientStockException.OfWarehouse });
        }
        var reservation = new Reservation
        {
            WarningId = r.WarningId!.Value, WarehouseId = r.WarehouseId!.Value, MaterialCode = r.MaterialCode!, Quantity = quantity, Remaining = quantity,
            CreatedAt = services.Time.GetUtcNow().UtcDateTime,
        };
        db.Reservations.Add(reservation);
        outbox.Add(new ReservationMade(Guid.NewGuid(), services.Time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId,
            reservation.Id, reservation.WarningId, reservation.WarehouseId, reservation.MaterialCode, quantity));
        await services.Norms.EvaluateAsync(reservation.WarehouseId, reservation.MaterialCode, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/inventory/reservations/{reservation.Id}", ReservationResponse.From(reservation));
    }

    public static async Task<Results<Ok<ReservationResponse>, NotFound, ProblemHttpResult>> Release(
        Guid id, [AsParameters] InventoryServices services, IEventOutbox outbox, CorrelationContext correlation, CancellationToken cancellationToken)
    {
        var db = services.Db;
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var reservation = await db.Reservations.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (reservation is null)
        {
            return TypedResults.NotFound();
        }
        if (!await services.Scope.CoversAsync(reservation.WarehouseId, cancellationToken))
        {
            return services.Scope.NotYours($"reservation {id}");
        }
        if (reservation.Released)
        {
            return TypedResults.Problem("The reservation is already released.", statusCode: StatusCodes.Status409Conflict, title: "Already released");
        }
        var remaining = reservation.Remaining;
        await db.StockLevels.Where(l => l.WarehouseId == reservation.WarehouseId && l.MaterialCode == reservation.MaterialCode)
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Reserved, l => l.Reserved - remaining), cancellationToken);
        reservation.Released = true;
        outbox.Add(new ReservationReleased(Guid.NewGuid(), services.Time.GetUtcNow(), StockLedger.Source, correlation.CorrelationId,
            reservation.Id, reservation.WarningId, reservation.WarehouseId, reservation.MaterialCode, remaining));
        reservation.Remaining = 0;
        await services.Norms.EvaluateAsync(reservation.WarehouseId, reservation.MaterialCode, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(ReservationResponse.From(reservation));
    }

    public static async Task<Ok<IReadOnlyList<ReservationResponse>>> List([AsParameters] InventoryServices services, CancellationToken cancellationToken, Guid? warningId = null)
    {
        var visible = await services.Scope.FilterAsync(services.Db.Reservations.AsNoTracking(), own => r => own.Contains(r.WarehouseId), cancellationToken);
        var list = await visible.Where(r => warningId == null || r.WarningId == warningId)
            .OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReservationResponse>>([.. list.Select(ReservationResponse.From)]);
    }
}
