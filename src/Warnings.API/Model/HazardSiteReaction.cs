using System.Globalization;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;
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
        var location = new GeoPoint(site.Latitude, site.Longitude);
        // A location outside the city (mistyped at registration) still has its district; the circle is left out.
        var circle = Districts.IsWithinShanghai(location) ? new GeoCircle(location, HazardReaction.RadiusKm).ToString() : null;
        if (await db.Suggestions.AnyAsync(s => s.ClosedAt == null && s.WarningType == type.Code && s.Circle == circle
            && s.DistrictCodes.Contains(site.DistrictCode), cancellationToken))
        {
            return;
        }
        var level = HazardReaction.LevelFor(site.Level);
        var grade = site.Level == MajorHazardLevel.Level1 ? "一级" : "二级";
        db.Suggestions.Add(new Suggestion
        {
            Kind = SuggestionKind.Issue, WarningType = type.Code, Level = level, DistrictCodes = [site.DistrictCode], Circle = circle,
            // Built from other services' data: cut to the column it goes into.
            Reason = TextRules.Fit(string.Create(CultureInfo.InvariantCulture,
                $"{site.Name}认定为{grade}重大危险源（R = {site.R:0.##}），位于生效中的“{inForce.Headline}”范围内。建议发布{type.NameZh}{level.ColourZh()}预警，提示周边防范。"),
                WarningLimits.Note),
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
    }
}
