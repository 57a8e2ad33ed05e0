using EmergencyOps.Contracts.Warnings;
using Warnings.API.Extensions;

namespace Warnings.API.Model;

/// <summary>
/// A real active warning as the public sees it: what the CAP document says about it in brief, and where that document is.
/// Nothing of its handling (authors, sign-off, responsible units, acknowledgements, pending escalations) is here.
/// </summary>
public sealed record PublicWarning(
    Guid Id, string Type, string TypeName, WarningLevel Level, string LevelZh, string Headline, IReadOnlyList<string> DistrictCodes,
    DateTimeOffset Sent, DateTimeOffset? Onset, DateTimeOffset? Expires, string Cap)
{
    public static PublicWarning From(Warning w, WarningVersion current, WarningsOptions options) => new(
        w.Id, w.Type, WarningTypeCatalogue.Find(w.Type)?.NameZh ?? w.Type, current.Level, current.Level.ColourZh() + "预警 (" + current.Level.GradeZh() + ")",
        current.Headline, current.DistrictCodes, WarningPublisher.Local(current.Sent!.Value),
        current.Onset is { } o ? WarningPublisher.Local(o) : null, current.Expires is { } x ? WarningPublisher.Local(x) : null,
        $"{options.PublicBaseUrl}/api/warnings/{w.Id}/cap");
}
