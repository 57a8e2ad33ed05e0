using EmergencyOps.ServiceDefaults;
using EmergencyOps.Geography;
using EmergencyOps.Messaging.Idempotency;
using Inventory.API.Extensions;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Apis;

public static class WarehousesApi
{
    public static RouteGroupBuilder MapWarehousesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/warehouses", RegisterWarehouse).WithName("RegisterWarehouse").WithIdempotency<InventoryContext>()
            .WithSummary("Register a reserve warehouse (市/区/街镇/居村)").RequireAuthorization(InventoryPolicies.Manage);
        api.MapGet("/warehouses", ListWarehouses).WithName("ListWarehouses")
            .WithSummary("Warehouses by district and tier").RequireAuthorization(InventoryPolicies.Read);
        api.MapGet("/warehouses/{id:guid}", GetWarehouse).WithName("GetWarehouse")
            .WithSummary("One warehouse").RequireAuthorization(InventoryPolicies.Read);
        api.MapPut("/warehouses/{id:guid}/norms/{materialCode}", SetNorm).WithName("SetReserveNorm")
            .WithSummary("Set the reserve norm (储备定额) of a material at a warehouse").RequireAuthorization(InventoryPolicies.Manage);
        api.MapGet("/shortfalls", ListShortfalls).WithName("ListShortfalls")
            .WithSummary("Current shortfalls against reserve norms, by district").RequireAuthorization(InventoryPolicies.Read);
        return api;
    }

    public static async Task<Results<Created<WarehouseResponse>, ValidationProblem, ProblemHttpResult>> RegisterWarehouse(
        RegisterWarehouseRequest r, [AsParameters] InventoryServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Code) || r.Code.Length > 40) errors["code"] = ["A code of 1 to 40 characters is required."];
        if (string.IsNullOrWhiteSpace(r.Name)) errors["name"] = ["A name is required."];
        if (!Enum.TryParse<WarehouseTier>(r.Tier, ignoreCase: true, out var tier)) errors["tier"] = ["Tier is 'city', 'district', 'street' or 'community'."];
        if (!Districts.IsKnown(r.DistrictCode)) errors["districtCode"] = [$"'{r.DistrictCode}' is not a Shanghai district code (GB/T 2260)."];
        if (string.IsNullOrWhiteSpace(r.Address)) errors["address"] = ["An address is required."];
        if (r.Latitude is not { } lat || r.Longitude is not { } lon || !Districts.IsWithinShanghai(new GeoPoint(lat, lon))) errors["latitude"] = ["Latitude and longitude must place the warehouse within Shanghai."];
        if (string.IsNullOrWhiteSpace(r.Manager)) errors["manager"] = ["A manager is required."];
        if (r.Capacity is not > 0) errors["capacity"] = ["Capacity (m²) must be above 0."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await services.Db.Warehouses.AnyAsync(w => w.Code == r.Code, cancellationToken))
        {
            return TypedResults.Problem($"Warehouse code '{r.Code}' is already registered.", statusCode: StatusCodes.Status409Conflict, title: "Duplicate warehouse");
        }
        var warehouse = new Warehouse
        {
            Code = r.Code!.Trim(), Name = r.Name!.Trim(), Tier = tier, DistrictCode = r.DistrictCode!, Address = r.Address!.Trim(),
            Latitude = r.Latitude!.Value, Longitude = r.Longitude!.Value, Manager = r.Manager!.Trim(), Capacity = r.Capacity!.Value,
        };
        services.Db.Warehouses.Add(warehouse);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/inventory/warehouses/{warehouse.Id}", WarehouseResponse.From(warehouse));
    }

    public static async Task<Ok<IReadOnlyList<WarehouseResponse>>> ListWarehouses(
        [AsParameters] InventoryServices services, CancellationToken cancellationToken, string? district = null, string? tier = null)
    {
        var query = services.Db.Warehouses.AsNoTracking();
        if (district is not null) query = query.Where(w => w.DistrictCode == district);
        if (Enum.TryParse<WarehouseTier>(tier, ignoreCase: true, out var t)) query = query.Where(w => w.Tier == t);
        var list = await query.OrderBy(w => w.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<WarehouseResponse>>([.. list.Select(WarehouseResponse.From)]);
    }

    public static async Task<Results<Ok<WarehouseResponse>, NotFound>> GetWarehouse(Guid id, [AsParameters] InventoryServices services, CancellationToken cancellationToken) =>
        await services.Db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken) is { } w
            ? TypedResults.Ok(WarehouseResponse.From(w))
            : TypedResults.NotFound();

    public static async Task<Results<Ok<NormResponse>, NotFound, ValidationProblem>> SetNorm(
        Guid id, string materialCode, SetNormRequest request, [AsParameters] InventoryServices services, CancellationToken cancellationToken)
    {
        if (!await services.Db.Warehouses.AnyAsync(w => w.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if (!await services.Db.Materials.AnyAsync(m => m.Code == materialCode, cancellationToken))
        {
            return Problems.Invalid("materialCode", $"'{materialCode}' is not in the material catalogue.");
        }
        if (request.Minimum is not >= 0 || request.RecoveryMargin is < 0)
        {
            return Problems.Invalid("minimum", "Minimum (and recoveryMargin, if given) are whole numbers of 0 or more.");
        }
        var norm = await services.Db.Norms.SingleOrDefaultAsync(n => n.WarehouseId == id && n.MaterialCode == materialCode, cancellationToken);
        if (norm is null)
        {
            norm = new ReserveNorm { WarehouseId = id, MaterialCode = materialCode };
            services.Db.Norms.Add(norm);
        }
        norm.Minimum = request.Minimum.Value;
        // Default margin: a tenth of the norm, at least one unit, so recovering needs more than one receipt of one.
        norm.RecoveryMargin = request.RecoveryMargin ?? Math.Max(1, norm.Minimum / 10);
        await services.Db.SaveChangesAsync(cancellationToken);
        await services.Norms.EvaluateAsync(id, materialCode, cancellationToken);
        await services.Db.SaveChangesAsync(cancellationToken);
        var available = await services.Db.StockLevels.Where(l => l.WarehouseId == id && l.MaterialCode == materialCode).Select(l => l.OnHand - l.Reserved).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new NormResponse(id, materialCode, norm.Minimum, norm.RecoveryMargin, available, norm.InShortfall));
    }

    public static async Task<Ok<IReadOnlyList<ShortfallResponse>>> ListShortfalls(
        [AsParameters] InventoryServices services, CancellationToken cancellationToken, string? district = null)
    {
        var norms = await ReserveNorms.StatusAsync(services.Db, district is null ? null : [district], cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ShortfallResponse>>([.. norms.Where(n => n.InShortfall)
            .Select(n => new ShortfallResponse(n.WarehouseId, n.WarehouseName, n.DistrictCode, n.MaterialCode, n.Minimum, n.Available, n.Minimum - n.Available, n.ShortSince))]);
    }
}
