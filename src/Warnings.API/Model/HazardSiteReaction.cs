using System.Globalization;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Infrastructure;

namespace Warnings.API.Model;

/// <summary>
/// A 一级 or 二级 major hazard source newly graded (or raised to that grade) in a district under a warning in force is
/// a hazard the warning may set off: a chlorine tank farm graded while a typhoon warning is out (sites graded before the
/// warning are on its issuer's map already). The operations centre gets a chemical-release
/// suggestion for a 1 km circle around it, at the source's grade; never a warning, since nothing has leaked. Exercises
/// do not count. One open suggestion per place.
/// </summary>
public sealed class HazardSiteReaction(WarningsContext db, TimeProvider time)
{
    public async Task ApplyAsync(HazardSite site, MajorHazardLevel? previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (site.Level > MajorHazardLevel.Level2 || (previous is { } before && before <= site.Level))
        {
            return;
        }
        var inForce = await db.Warnings.AsNoTracking()
            .Where(w => w.State == WarningState.Active && !w.Exercise && w.DistrictCodes.Contains(site.DistrictCode))
            .OrderBy(w => w.Level).ThenBy(w => w.CreatedAt)
            .Select(w => new { w.Headline, w.Level }).FirstOrDefaultAsync(cancellationToken);
        if (inForce is null)
        {
            return;
        }
        var type = WarningTypeCatalogue.Find(WarningTypes.ChemicalRelease)!;
        var level = HazardReaction.LevelFor(site.Level);
        var grade = site.Level == MajorHazardLevel.Level1 ? "一级" : "二级";
        await db.SuggestOnceAsync(level, site.DistrictCode, ChemicalReleaseSuggestions.CircleAround(new GeoPoint(site.Latitude, site.Longitude)),
            string.Create(CultureInfo.InvariantCulture,
                $"{site.Name}认定为{grade}重大危险源（R = {site.R:0.##}），位于生效中的“{inForce.Headline}”范围内。建议发布{type.NameZh}{level.ColourZh()}预警，提示周边防范。"),
            time.GetUtcNow().UtcDateTime, perLevel: false, cancellationToken);
    }
}
