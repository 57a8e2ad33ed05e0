using System.Globalization;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using Warnings.API.Infrastructure;

namespace Warnings.API.Model;

/// <summary>
/// 一码推送: an enterprise whose dynamic risk level rose to orange or red gets a suggested hazardous-chemical warning for its
/// location, at its colour, for the operations centre to issue or dismiss. Never issued by itself: a risk level is not an
/// incident. One open suggestion per place and level.
/// </summary>
public sealed class EnterpriseRiskReaction(WarningsContext db, TimeProvider time)
{
    public async Task ApplyAsync(EnterpriseRiskLevelChanged change, CancellationToken cancellationToken)
    {
        if (change.Level <= change.Previous || change.Level < RiskColour.Orange)
        {
            return;
        }
        var level = change.Level == RiskColour.Red ? WarningLevel.Red : WarningLevel.Orange;
        var type = WarningTypeCatalogue.Find(WarningTypes.ChemicalRelease)!;
        var colour = change.Level == RiskColour.Red ? "红色(重大风险)" : "橙色(较大风险)";
        await db.SuggestOnceAsync(level, change.DistrictCode, ChemicalReleaseSuggestions.CircleAround(new GeoPoint(change.Latitude, change.Longitude)),
            string.Create(CultureInfo.InvariantCulture,
                $"{change.EnterpriseName}（{change.CreditCode}）风险等级升至{colour}，评分 {change.Score:0.##}：{string.Join("；", change.Terms)}。建议发布{type.NameZh}{level.ColourZh()}预警，提示周边防范。"),
            time.GetUtcNow().UtcDateTime, perLevel: true, cancellationToken);
    }
}
