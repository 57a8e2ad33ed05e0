using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Geography;
using Inventory.API.Extensions;
using Inventory.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using L = Inventory.API.Model.InventoryLimits;

namespace Inventory.API.Apis;

public static class QueriesApi
{
    public static RouteGroupBuilder MapQueriesApi(this RouteGroupBuilder api)
    {
        api.MapGet("/materials/{code}/totals", Totals).WithName("MaterialTotals")
            .WithSummary("Totals of a material across a district or the whole city").RequireAuthorization(InventoryPolicies.Read);
        api.MapGet("/materials/{code}/nearest", Nearest).WithName("NearestWarehousesWithStock")
            .WithSummary("Warehouses holding at least N available units of a material, nearest first").RequireAuthorization(InventoryPolicies.Read);
        api.MapGet("/batches/expiring", Expiring).WithName("ExpiringBatches")
            .WithSummary("Batches expiring within N days (or already expired), soonest first").RequireAuthorization(InventoryPolicies.Read);
        return api;
    }

    public static async Task<Results<Ok<MaterialTotal>, NotFound, ValidationProblem>> Totals(
        string code, [AsParameters] InventoryServices services, CancellationToken cancellationToken, [Text(L.DistrictCode)] string? district = null)
    {
        if (!await services.Db.Materials.AnyAsync(m => m.Code == code, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if (district is not null && !Districts.IsKnown(district))
        {
            return Problems.Invalid("district", $"'{district}' is not a Shanghai district code.");
        }
        // A warehouse's own client totals its own stock only.
        var visible = await services.Scope.FilterAsync(services.Db.StockLevels.AsNoTracking(), own => l => own.Contains(l.WarehouseId), cancellationToken);
        var levels = await (from l in visible
                            join w in services.Db.Warehouses.AsNoTracking() on l.WarehouseId equals w.Id
                            where l.MaterialCode == code && (district == null || w.DistrictCode == district)
                            select new { l.OnHand, l.Reserved }).ToListAsync(cancellationToken);
        // Summed in 64 bits: many warehouses each near the limit would overflow an int.
        return TypedResults.Ok(new MaterialTotal(code, district, levels.Sum(l => (long)l.OnHand), levels.Sum(l => (long)l.Reserved),
            levels.Sum(l => (long)l.OnHand - l.Reserved), levels.Count(l => l.OnHand > 0)));
    }

    public static async Task<Results<Ok<IReadOnlyList<NearbyWarehouse>>, NotFound, ValidationProblem>> Nearest(
        string code, [Bounded(-90.0, 90.0)] double? lat, [Bounded(-180.0, 180.0)] double? lon, [AsParameters] InventoryServices services, CancellationToken cancellationToken,
        [Bounded(1, L.MaxQuantity)] int quantity = 1, [Bounded(1, L.MaxNearest)] int limit = 5)
    {
        var errors = new Dictionary<string, string[]>();
        if (lat is not { } latitude || !double.IsFinite(latitude) || latitude is < -90 or > 90) errors["lat"] = ["lat (WGS-84 degrees, -90 to 90) is required."];
        if (lon is not { } longitude || !double.IsFinite(longitude) || longitude is < -180 or > 180) errors["lon"] = ["lon (WGS-84 degrees, -180 to 180) is required."];
        if (quantity is < 1 or > L.MaxQuantity) errors["quantity"] = [$"quantity is from 1 to {L.MaxQuantity}."];
        if (limit is < 1 or > L.MaxNearest) errors["limit"] = [$"limit is from 1 to {L.MaxNearest}."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await services.Db.Materials.AnyAsync(m => m.Code == code, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var from = new GeoPoint(lat!.Value, lon!.Value);
        var visible = await services.Scope.FilterAsync(services.Db.StockLevels.AsNoTracking(), own => l => own.Contains(l.WarehouseId), cancellationToken);
        var candidates = await (from l in visible
                                join w in services.Db.Warehouses.AsNoTracking() on l.WarehouseId equals w.Id
                                where l.MaterialCode == code && l.OnHand - l.Reserved >= quantity
                                select new { w, Available = l.OnHand - l.Reserved }).ToListAsync(cancellationToken);
        // A position that is not a number (a row stored before the input rules) cannot be measured from: it would sort first.
        return TypedResults.Ok<IReadOnlyList<NearbyWarehouse>>([.. candidates
            .Where(c => double.IsFinite(c.w.Latitude) && double.IsFinite(c.w.Longitude))
            .NearestFirst(from, c => new GeoPoint(c.w.Latitude, c.w.Longitude)).Take(limit)
            .Select(x => new NearbyWarehouse(x.Item.w.Id, x.Item.w.Code, x.Item.w.Name, x.Item.w.DistrictCode, x.Item.Available, x.Metres))]);
    }

    public static async Task<Results<Ok<IReadOnlyList<ExpiringBatch>>, ValidationProblem>> Expiring(
        [AsParameters] InventoryServices services, CancellationToken cancellationToken, [Bounded(0, L.MaxExpiringDays)] int days = 30)
    {
        if (days is < 0 or > L.MaxExpiringDays)
        {
            return Problems.Invalid("days", $"days is 0 to {L.MaxExpiringDays}.");
        }
        var today = DateOnly.FromDateTime(services.Time.GetUtcNow().UtcDateTime);
        var until = today.AddDays(days);
        var visible = await services.Scope.FilterAsync(services.Db.StockBatches.AsNoTracking(), own => b => own.Contains(b.WarehouseId), cancellationToken);
        var rows = await (from b in visible
                          join w in services.Db.Warehouses.AsNoTracking() on b.WarehouseId equals w.Id
                          where b.Quantity > 0 && b.Expiry != null && b.Expiry <= until
                          select new { b, w.Name }).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ExpiringBatch>>([.. rows
            .OrderBy(r => r.b.Expiry).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new ExpiringBatch(r.b.WarehouseId, r.Name, r.b.MaterialCode, r.b.Batch, r.b.Expiry!.Value, r.b.Quantity, r.b.Expiry.Value.DayNumber - today.DayNumber))]);
    }
}
