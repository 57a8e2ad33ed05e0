using EmergencyOps.Contracts.Warnings;
using Warnings.API.Infrastructure;

namespace Warnings.API.Model;

/// <summary>
/// What a feed subscriber wants: comma-separated districts, levels and types (any of each), real
/// warnings or exercises (never both: drills stay apart from reality).
/// </summary>
public sealed record FeedFilter(IReadOnlySet<string> Districts, IReadOnlySet<WarningLevel> Levels, IReadOnlySet<string> Types, bool Exercise)
{
    public bool Matches(FeedItem item) =>
        item.Exercise == Exercise
        && (Types.Count == 0 || Types.Contains(item.Type))
        && (Levels.Count == 0 || Levels.Contains(item.Level) || (item.PreviousLevel is { } p && Levels.Contains(p)))
        && (Districts.Count == 0 || item.DistrictCodes.Any(Districts.Contains));

    public static Dictionary<string, string[]> TryParse(string? district, string? level, string? type, string? status, out FeedFilter filter)
    {
        var errors = new Dictionary<string, string[]>();
        var districts = Split(district);
        if (districts.FirstOrDefault(d => !EmergencyOps.Geography.Districts.IsKnown(d)) is { } badDistrict)
        {
            errors["district"] = [$"'{badDistrict}' is not a Shanghai district code (GB/T 2260, e.g. 310115)."];
        }
        var levels = new HashSet<WarningLevel>();
        foreach (var l in Split(level))
        {
            if (Model.Levels.TryParse(l, out var parsed)) levels.Add(parsed);
            else errors["level"] = [$"'{l}' is not a level: use blue, yellow, orange or red."];
        }
        var types = Split(type);
        if (types.FirstOrDefault(t => WarningTypeCatalogue.Find(t) is null) is { } badType)
        {
            errors["type"] = [$"'{badType}' is not a warning type (see /api/warnings/types)."];
        }
        var exercise = false;
        if (status is not null && !string.Equals(status, "actual", StringComparison.OrdinalIgnoreCase))
        {
            if (string.Equals(status, "exercise", StringComparison.OrdinalIgnoreCase)) exercise = true;
            else errors["status"] = ["Use 'actual' (default) or 'exercise'."];
        }
        filter = new FeedFilter(districts.ToHashSet(), levels, types.ToHashSet(), exercise);
        return errors;
    }

    private static string[] Split(string? value) =>
        value?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
}
