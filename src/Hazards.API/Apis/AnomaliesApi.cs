using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>Refused scans across the registry, for the district regulators who follow them up.</summary>
public static class AnomaliesApi
{
    public static RouteGroupBuilder MapAnomaliesApi(this RouteGroupBuilder hazards)
    {
        hazards.MapGet("/anomalies", ListAnomalies).WithName("ListScanAnomalies").WithTags("Trace")
            .WithSummary("Refused scans (anomalies) by district and rule, newest first, paged").RequireAuthorization(HazardsPolicies.Read);
        return hazards;
    }

    public static async Task<Results<Ok<PaginatedItems<AnomalyResponse>>, ValidationProblem>> ListAnomalies(
        [AsParameters] HazardServices services, CancellationToken cancellationToken,
        [Text(HazardLimits.DistrictCodeLength)] string? district = null, [Text(HazardLimits.RuleLength)] string? rule = null,
        [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if (district is not null && !Districts.IsKnown(district))
        {
            return Problems.Invalid("district", $"'{district}' is not a Shanghai district code.");
        }
        if (rule is not null && !TraceRules.Names.Contains(rule))
        {
            return Problems.Invalid("rule", $"Rule is one of: {string.Join(", ", TraceRules.Names)}.");
        }
        // Regulators see every anomaly; an enterprise its own refused scans and those of its codes.
        var query = (await services.BindingAsync(cancellationToken)).Filter(services.Db.Anomalies.AsNoTracking(), services.Db.Products);
        if (district is not null) query = query.Where(a => a.DistrictCode == district);
        if (rule is not null) query = query.Where(a => a.Rule == rule);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(a => a.DetectedAt).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<AnomalyResponse>(pageIndex, pageSize, count, [.. page.Select(AnomalyResponse.From)]));
    }
}
