using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Infrastructure;

namespace Warnings.API.Model;

/// <summary>
/// What the hazard reactions propose to the operations centre: a chemical-release warning for a 1 km circle around a
/// place, one open suggestion per place (a burst of events there is one incident to look at).
/// </summary>
public static class ChemicalReleaseSuggestions
{
    public const double RadiusKm = 1;

    /// <summary>The circle around a place in the city; a place outside it (mistyped at registration) keeps only its district.</summary>
    public static string? CircleAround(GeoPoint place) => Districts.IsWithinShanghai(place) ? new GeoCircle(place, RadiusKm).ToString() : null;

    /// <summary>
    /// Adds the suggestion unless one is open for the place (its circle and district), or with <paramref name="perLevel"/>
    /// for the place at that level, so a rise to a graver level is proposed again.
    /// </summary>
    public static async Task SuggestOnceAsync(
        this WarningsContext db, WarningLevel level, string district, string? circle, string reason, DateTime now, bool perLevel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.Suggestions.AnyAsync(s => s.ClosedAt == null && s.WarningType == WarningTypes.ChemicalRelease && s.Circle == circle
            && s.DistrictCodes.Contains(district) && (!perLevel || s.Level == level), cancellationToken))
        {
            return;
        }
        db.Suggestions.Add(new Suggestion
        {
            Kind = SuggestionKind.Issue, WarningType = WarningTypes.ChemicalRelease, Level = level, DistrictCodes = [district], Circle = circle,
            // Built from other services' data: cut to the column it goes into.
            Reason = TextRules.Fit(reason, WarningLimits.Note), CreatedAt = now,
        });
    }
}
