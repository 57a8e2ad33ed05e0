using System.ComponentModel;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Geography;
using EmergencyOps.Messaging.Idempotency;
using Inventory.API.Extensions;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using L = Inventory.API.Model.InventoryLimits;

namespace Inventory.API.Apis;

public static class WarehousesApi
{
    public static RouteGroupBuilder MapWarehousesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/warehouses", RegisterWarehouse).WithName("RegisterWarehouse").WithIdempotency<InventoryContext>()
            .WithSummary("Register a reserve warehouse (市/区/街镇/居村)").WithRequestExample(InventoryExamples.Warehouse)
            .RequireAuthorization(InventoryPolicies.Manage);
        api.MapGet("/warehouses", ListWarehouses).WithName("ListWarehouses")
            .WithSummary("Warehouses by district and tier").RequireAuthorization(InventoryPolicies.Read);
        api.MapGet("/warehouses/{id:guid}", GetWarehouse).WithName("GetWarehouse")
            .WithSummary("One warehouse").RequireAuthorization(InventoryPolicies.Read);
        api.MapPut("/warehouses/{id:guid}/norms/{materialCode}", SetNorm).WithName("SetReserveNorm")
            .WithSummary("Set the reserve norm (储备定额) of a material at a warehouse").WithRequestExample(InventoryExamples.Norm)
            .RequireAuthorization(InventoryPolicies.Manage);
        api.MapGet("/shortfalls", ListShortfalls).WithName("ListShortfalls")
            .WithSummary("Current shortfalls against reserve norms, by district").RequireAuthorization(InventoryPolicies.Read);
        return api;
    }

    public static async Task<Results<Created<WarehouseResponse>, ValidationProblem, ProblemHttpResult>> RegisterWarehouse(
        RegisterWarehouseRequest r, [AsParameters] InventoryServices services, CancellationToken cancellationToken)
    {
        if (!services.Scope.IsCityWide)
        {
            return services.Scope.CityWideOnly("registering a warehouse");
        }
        var errors = WarehouseRules.Validate(r.Name, r.Tier, r.DistrictCode, r.Address, r.Latitude, r.Longitude, r.Manager, r.Capacity, out var tier);
        if (Required.IsMissing(r.Code)) errors["code"] = [$"A code of 1 to {L.Code} characters is required."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var code = r.Code!.Trim();
        // Deleted warehouses keep their codes: the ledger and the vouchers that name a code must stay unambiguous.
        var holder = await services.Db.Warehouses.IgnoreQueryFilters().Where(w => w.Code == code).Select(w => new { w.DeletedAt }).SingleOrDefaultAsync(cancellationToken);
        if (holder is not null)
        {
            return TypedResults.Problem(
                holder.DeletedAt is null
                    ? $"Warehouse code '{code}' is already registered."
                    : $"Warehouse code '{code}' belonged to a warehouse deleted on {holder.DeletedAt:yyyy-MM-dd}; codes are not reused, so its ledger stays unambiguous.",
                statusCode: StatusCodes.Status409Conflict, title: "Duplicate warehouse");
        }
        var warehouse = new Warehouse
        {
            Code = code, Name = r.Name!.Trim(), Tier = tier, DistrictCode = r.DistrictCode!, Address = r.Address!.Trim(),
            Latitude = r.Latitude!.Value, Longitude = r.Longitude!.Value, Manager = r.Manager!.Trim(), Capacity = r.Capacity!.Value,
        };
        services.Db.Warehouses.Add(warehouse);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/inventory/warehouses/{warehouse.Id}", WarehouseResponse.From(warehouse));
    }

    public static async Task<Results<Ok<IReadOnlyList<WarehouseResponse>>, ValidationProblem>> ListWarehouses(
        [AsParameters] InventoryServices services, CancellationToken cancellationToken,
        [Text(L.DistrictCode)] string? district = null, [Text(L.EnumName), Description("city, district, street or community")] string? tier = null)
    {
        var errors = new Dictionary<string, string[]>();
        if (district is not null && !Districts.IsKnown(district)) errors["district"] = [$"'{district}' is not a Shanghai district code (GB/T 2260)."];
        WarehouseTier t = default;
        if (tier is not null && !EnumNames.TryParse(tier, out t)) errors["tier"] = [$"One of: {EnumNames.List<WarehouseTier>()}."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // A warehouse's own client sees only itself: narrowed, not refused, so the same console works for both.
        var query = await services.Scope.FilterAsync(services.Db.Warehouses.AsNoTracking(), own => w => own.Contains(w.Id), cancellationToken);
        if (district is not null) query = query.Where(w => w.DistrictCode == district);
        if (tier is not null) query = query.Where(w => w.Tier == t);
        var list = await query.OrderBy(w => w.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<WarehouseResponse>>([.. list.Select(WarehouseResponse.From)]);
    }

    public static async Task<Results<Ok<WarehouseResponse>, NotFound, ProblemHttpResult>> GetWarehouse(Guid id, [AsParameters] InventoryServices services, CancellationToken cancellationToken)
    {
        // Refused before the lookup: a bound caller learns nothing about other warehouses, not even whether they exist.
        if (!await services.Scope.CoversAsync(id, cancellationToken))
        {
            return services.Scope.NotYours($"warehouse {id}");
        }
        return await services.Db.Warehouses.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken) is { } w
            ? TypedResults.Ok(WarehouseResponse.From(w))
            : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<NormResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SetNorm(
        Guid id, string materialCode, SetNormRequest request, [AsParameters] InventoryServices services, CancellationToken cancellationToken)
    {
        if (!await services.Scope.CoversAsync(id, cancellationToken))
        {
            return services.Scope.NotYours($"warehouse {id}");
        }
        if (!await services.Db.Warehouses.AnyAsync(w => w.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if (!await services.Db.Materials.AnyAsync(m => m.Code == materialCode, cancellationToken))
        {
            return Problems.Invalid("materialCode", $"'{materialCode}' is not in the material catalogue.");
        }
        if (request.Minimum is not (>= 0 and <= L.MaxBalance))
        {
            return Problems.Invalid("minimum", $"Minimum is a whole number from 0 to {L.MaxBalance}.");
        }
        if (request.RecoveryMargin is < 0 or > L.MaxBalance)
        {
            return Problems.Invalid("recoveryMargin", $"recoveryMargin, if given, is a whole number from 0 to {L.MaxBalance}.");
        }
        // A concurrent first PUT of the same norm loses on the primary key: a 409 (ConflictProblemHandler), never a 500.
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

    public static async Task<Results<Ok<IReadOnlyList<ShortfallResponse>>, ValidationProblem>> ListShortfalls(
        [AsParameters] InventoryServices services, CancellationToken cancellationToken, [Text(L.DistrictCode)] string? district = null)
    {
        if (district is not null && !Districts.IsKnown(district))
        {
            return Problems.Invalid("district", $"'{district}' is not a Shanghai district code (GB/T 2260).");
        }
        var norms = await ReserveNorms.StatusAsync(services.Db, district is null ? null : [district], cancellationToken, await services.Scope.OwnAsync(cancellationToken));
        return TypedResults.Ok<IReadOnlyList<ShortfallResponse>>([.. norms.Where(n => n.InShortfall)
            .Select(n => new ShortfallResponse(n.WarehouseId, n.WarehouseName, n.DistrictCode, n.MaterialCode, n.Minimum, n.Available, n.Missing, n.ShortSince,
                n.RecoveryMargin, n.ToRecover))]);
    }
}
