using EmergencyOps.ServiceDefaults.Input;
using System.Globalization;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Infrastructure;

namespace Warnings.API.Model;

/// <summary>Turns a scan anomaly at a major hazard source into a chemical-release suggestion or warning.</summary>
public sealed class HazardReaction(WarningsContext db, WarningPublisher publisher)
{
    public async Task ApplyAsync(ScanAnomalyDetected anomaly, CancellationToken cancellationToken)
    {
        var sites = await db.HazardSites.AsNoTracking()
            .Where(s => s.EnterpriseId == anomaly.ActorEnterpriseId || s.EnterpriseId == anomaly.OwnerEnterpriseId).ToListAsync(cancellationToken);
        if (sites.Count == 0)
        {
            return;
        }
        var site = sites.OrderBy(s => s.Level).First();
        var level = LevelFor(site.Level);
        var type = WarningTypeCatalogue.Find(WarningTypes.ChemicalRelease)!;
        // Where the scan happened if it was reported in the city (0,0 means not reported), else the site itself.
        var reported = new GeoPoint(anomaly.Latitude, anomaly.Longitude);
        var centre = Districts.IsWithinShanghai(reported) ? reported : new GeoPoint(site.Latitude, site.Longitude);
        var circle = ChemicalReleaseSuggestions.CircleAround(centre);
        // Built from other services' data: cut to the columns it goes into.
        var reason = TextRules.Fit(string.Create(CultureInfo.InvariantCulture,
            $"{site.Name}（{site.Level.ToString().Replace("Level", "", StringComparison.Ordinal)}级重大危险源）扫码异常：{anomaly.ChemicalName}（CAS {anomaly.Cas}），码 {anomaly.Code}，{anomaly.Detail}"), WarningLimits.Note);
        if (publisher.Options.AutoIssueFromHazards && !publisher.NeedsSignOff(type, level))
        {
            var warning = new Warning { Type = type.Code, Origin = WarningOrigin.Hazard, CreatedBy = "hazards", CreatedAt = publisher.Now };
            publisher.Create(warning, new WarningVersion
            {
                WarningId = warning.Id, Number = 1, Kind = VersionKind.Issue, Level = level,
                Headline = TextRules.Fit($"{Districts.Find(site.DistrictCode)?.Name}{site.Name}危化品泄漏{level.ColourZh()}预警", WarningLimits.Headline),
                Description = reason,
                Instruction = "周边单位和人员注意防护，听从现场指挥，远离危险区域。", Effective = publisher.Now,
                DistrictCodes = [site.DistrictCode], Circle = circle, Author = "hazards", Certainty = "Possible",
            }, draft: false);
            await publisher.SaveAsync(cancellationToken);
            return;
        }
        await db.SuggestOnceAsync(level, site.DistrictCode, circle, reason, publisher.Now, perLevel: false, cancellationToken);
    }

    public static WarningLevel LevelFor(MajorHazardLevel level) => level switch
    {
        MajorHazardLevel.Level1 => WarningLevel.Red,
        MajorHazardLevel.Level2 => WarningLevel.Orange,
        MajorHazardLevel.Level3 => WarningLevel.Yellow,
        _ => WarningLevel.Blue,
    };
}
