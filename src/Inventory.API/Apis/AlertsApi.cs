using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Inventory.API.Extensions;
using Inventory.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using L = Inventory.API.Model.InventoryLimits;

namespace Inventory.API.Apis;

/// <summary>What was reported: readiness reports by warning, and the LowStock/StockRecovered history of a warehouse's materials.</summary>
public static class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/readiness", GetReadiness).WithName("GetReadinessReports")
            .WithSummary("The reserve readiness reports published for a warning, newest first").RequireAuthorization(InventoryPolicies.Read);
        api.MapGet("/warehouses/{id:guid}/stock-alerts", GetStockAlerts).WithName("GetStockAlerts")
            .WithSummary("The low-stock and recovery alerts of a warehouse, newest first, filterable by material").RequireAuthorization(InventoryPolicies.Read);
        return api;
    }

    /// <summary>A caller bound to a warehouse sees the reports with only its own warehouses' shortfalls.</summary>
    public static async Task<Results<Ok<IReadOnlyList<ReadinessReportResponse>>, ValidationProblem>> GetReadiness(
        [AsParameters] InventoryServices services, CancellationToken cancellationToken, Guid? warningId = null)
    {
        if (warningId is not { } warning || warning == Guid.Empty)
        {
            return Problems.Invalid("warningId", "Name the warning whose readiness reports to list.");
        }
        var own = await services.Scope.OwnAsync(cancellationToken);
        var reports = await services.Db.ReadinessReports.AsNoTracking().Include(r => r.Shortfalls)
            .Where(r => r.WarningId == warning).OrderByDescending(r => r.Id).Take(L.MaxReadinessReports).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReadinessReportResponse>>([.. reports.Select(r => new ReadinessReportResponse(
            r.WarningId, r.DistrictCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), r.Ready,
            [.. r.Shortfalls.Where(s => own is null || own.Contains(s.WarehouseId)).OrderBy(s => s.Id)
                .Select(s => new ReadinessShortfallResponse(s.WarehouseId, s.DistrictCode, s.MaterialCode, s.Minimum, s.Available))],
            r.At))]);
    }

    /// <summary>Like the ledger, the history stays readable after the warehouse is deleted.</summary>
    public static async Task<Results<Ok<PaginatedItems<StockAlertResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> GetStockAlerts(
        Guid id, [AsParameters] InventoryServices services, CancellationToken cancellationToken,
        [Text(L.Code)] string? material = null, [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if (!await services.Scope.CoversAsync(id, cancellationToken))
        {
            return services.Scope.NotYours($"warehouse {id}");
        }
        if (!await services.Db.Warehouses.IgnoreQueryFilters().AnyAsync(w => w.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        if (material is not null && !await services.Db.Materials.AnyAsync(m => m.Code == material, cancellationToken))
        {
            return Problems.Invalid("material", $"'{material}' is not in the material catalogue.");
        }
        var query = services.Db.StockAlerts.AsNoTracking().Where(a => a.WarehouseId == id && (material == null || a.MaterialCode == material));
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(a => a.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<StockAlertResponse>(pageIndex, pageSize, count, [.. page.Select(StockAlertResponse.From)]));
    }
}
