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
        ReserveRequest r, [AsParameters] InventoryServices services, ReservationBook book, CancellationToken cancellationToken)
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
        var warningId = r.WarningId!.Value;
        if (await KnownWarning.RefusalAsync(db, warningId, cancellationToken) is { } refusal)
        {
            return WarningRefused(refusal);
        }
        var quantity = r.Quantity!.Value;
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        var reservation = await book.ReserveAsync(warningId, r.WarehouseId!.Value, r.MaterialCode!, quantity, services.Actor, cancellationToken);
        if (reservation is null)
        {
            var available = await db.StockLevels.Where(l => l.WarehouseId == r.WarehouseId && l.MaterialCode == r.MaterialCode).Select(l => l.OnHand - l.Reserved).SingleOrDefaultAsync(cancellationToken);
            return TypedResults.Problem($"{quantity} of {r.MaterialCode} to reserve; {available} available (the warehouse's unreserved stock).", statusCode: StatusCodes.Status409Conflict,
                title: "Insufficient stock", extensions: new Dictionary<string, object?> { ["available"] = available, ["availableOf"] = InsufficientStockException.OfWarehouse });
        }
        // Checked again after the write: an end that committed meanwhile is seen here, and one that commits later sees this reservation and releases it.
        // Returning uncommitted rolls the reservation back.
        if (await KnownWarning.RefusalAsync(db, warningId, cancellationToken) is { } ended)
        {
            return WarningRefused(ended);
        }
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/inventory/reservations/{reservation.Id}", ReservationResponse.From(reservation));
    }

    private static ProblemHttpResult WarningRefused(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status422UnprocessableEntity, title: "No such open warning",
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["warningId"] = [detail] } });

    public static async Task<Results<Ok<ReservationResponse>, NotFound, ProblemHttpResult>> Release(
        Guid id, [AsParameters] InventoryServices services, ReservationBook book, CancellationToken cancellationToken)
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
        await book.ReleaseAsync(reservation, ReservationReleaseCause.Requested, services.Actor, cancellationToken);
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
