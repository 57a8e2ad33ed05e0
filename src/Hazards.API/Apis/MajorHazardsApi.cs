using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>The register of major hazard sources (重大危险源) for regulators: by level and district.</summary>
public static class MajorHazardsApi
{
    public static RouteGroupBuilder MapMajorHazardsApi(this RouteGroupBuilder hazards)
    {
        hazards.MapGet("/major-hazards", ListMajorHazardSources).WithName("ListMajorHazardSources").WithTags("Major hazard sources")
            .WithSummary("Major hazard sources by level (level1…level4) and district, most severe first, paged").RequireAuthorization(HazardsPolicies.Read);
        return hazards;
    }

    public static async Task<Results<Ok<PaginatedItems<MajorHazardSourceResponse>>, ValidationProblem>> ListMajorHazardSources(
        [AsParameters] HazardServices services, CancellationToken cancellationToken,
        [OneOf(typeof(MajorHazardLevel)), Text(HazardLimits.LevelLength)] string? level = null, [Text(HazardLimits.DistrictCodeLength)] string? district = null,
        [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        MajorHazardLevel? levelFilter = EnumNames.TryParse<MajorHazardLevel>(level, out var l) ? l : null;
        if (level is not null && levelFilter is null)
        {
            return Problems.Invalid("level", "Level is 'level1' (一级), 'level2', 'level3' or 'level4'.");
        }
        if (district is not null && !Districts.IsKnown(district))
        {
            return Problems.Invalid("district", $"'{district}' is not a Shanghai district code.");
        }
        // Regulators see the whole register; an enterprise its own sources.
        var query = (await services.BindingAsync(cancellationToken)).Filter(services.Db.Units.AsNoTracking()).Where(u => u.IsMajorHazard);
        if (levelFilter is not null) query = query.Where(u => u.Level == levelFilter);
        if (district is not null) query = query.Where(u => u.DistrictCode == district);
        var count = await query.LongCountAsync(cancellationToken);
        // Level is stored by name, and "Level1" < "Level2" < ...: most severe first.
        var units = await query.OrderBy(u => u.Level).ThenBy(u => u.DistrictCode).ThenBy(u => u.Name)
            .Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = units.Select(u => u.EnterpriseId).Distinct().ToList();
        var names = await services.Db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return TypedResults.Ok(new PaginatedItems<MajorHazardSourceResponse>(pageIndex, pageSize, count,
            [.. units.Select(u => new MajorHazardSourceResponse(u.Id, u.Name, u.Kind, u.EnterpriseId, names[u.EnterpriseId], u.DistrictCode,
                u.S, u.R, u.Level!.Value, MajorHazardEvaluator.LevelName(u.Level), u.EvaluatedAt))]));
    }
}
