using EmergencyOps.ServiceDefaults;
using EmergencyOps.Geography;
using Inventory.API.Extensions;
using Inventory.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

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
        string code, [AsParameters] InventoryServices services, CancellationToken cancellationToken, string? district = null)
    {
        if (!await services.Db.Materials.AnyAsync(m => m.Code == code, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if (district is not null && !Districts.IsKnown(district))
        {
            return Problems.Invalid("district", $"'{district}' is not a Shanghai district code.");
        }
        var levels = await (from l in services.Db.StockLevels.AsNoTracking()
                            join w in services.Db.Warehouses.AsNoTracking() on l.WarehouseId equals w.Id
                            where l.MaterialCode == code && (district == null || w.DistrictCode == district)
                            select new { l.OnHand, l.Reserved }).ToListAsync(cancellationToken);
        return TypedResults.Ok(new MaterialTotal(code, district, levels.Sum(l => l.OnHand), levels.Sum(l => l.Reserved),
            levels.Sum(l => l.OnHand - l.Reserved), levels.Count(l => l.OnHand > 0)));
    }

    public static async Task<Results<Ok<IReadOnlyList<NearbyWarehouse>>, ValidationProblem>> Nearest(
        string code, double? lat, double? lon, [AsParameters] InventoryServices services, CancellationToken cancellationToken, int quantity = 1, int limit = 5)
    {
        if (lat is not (>= -90 and <= 90) || lon is not (>= -180 and <= 180))
        {
            return Problems.Invalid("lat", "lat and lon (WGS-84 degrees) are required.");
        }
        if (quantity < 1 || limit is < 1 or > 50)
        {
            return Problems.Invalid("quantity", "quantity ≥ 1 and limit 1–50.");
        }
        var from = new GeoPoint(lat.Value, lon.Value);
        var candidates = await (from l in services.Db.StockLevels.AsNoTracking()
                                join w in services.Db.Warehouses.AsNoTracking() on l.WarehouseId equals w.Id
                                where l.MaterialCode == code && l.OnHand - l.Reserved >= quantity
                                select new { w, Available = l.OnHand - l.Reserved }).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<NearbyWarehouse>>([.. candidates
            .NearestFirst(from, c => new GeoPoint(c.w.Latitude, c.w.Longitude)).Take(limit)
            .Select(x => new NearbyWarehouse(x.Item.w.Id, x.Item.w.Code, x.Item.w.Name, x.Item.w.DistrictCode, x.Item.Available, x.Metres))]);
    }

    public static async Task<Results<Ok<IReadOnlyList<ExpiringBatch>>, ValidationProblem>> Expiring(
        [AsParameters] InventoryServices services, CancellationToken cancellationToken, int days = 30)
    {
        if (days is < 0 or > 3650)
        {
            return Problems.Invalid("days", "days is 0 to 3650.");
        }
        var today = DateOnly.FromDateTime(services.Time.GetUtcNow().UtcDateTime);
        var until = today.AddDays(days);
        var rows = await (from b in services.Db.StockBatches.AsNoTracking()
                          join w in services.Db.Warehouses.AsNoTracking() on b.WarehouseId equals w.Id
                          where b.Quantity > 0 && b.Expiry != null && b.Expiry <= until
                          select new { b, w.Name }).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ExpiringBatch>>([.. rows
            .OrderBy(r => r.b.Expiry).ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select(r => new ExpiringBatch(r.b.WarehouseId, r.Name, r.b.MaterialCode, r.b.Batch, r.b.Expiry!.Value, r.b.Quantity, r.b.Expiry.Value.DayNumber - today.DayNumber))]);
    }
}
