using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;

namespace Warnings.API.Model;

/// <summary>Field checks shared by issue and update, each naming the field it refuses.</summary>
public static class WarningValidation
{
    public static WarningLevel? Level(string? value, WarningTypeDefinition? type, Dictionary<string, string[]> errors, bool required)
    {
        if (value is null)
        {
            if (required) errors["level"] = ["The level is required: blue, yellow, orange or red."];
            return null;
        }
        if (!Levels.TryParse(value, out var level))
        {
            errors["level"] = [$"'{value}' is not a level: use blue, yellow, orange or red."];
            return null;
        }
        if (type is not null && !type.Allows(level))
        {
            errors["level"] = [$"A {type.NameZh} ({type.Code}) warning is issued at {string.Join(", ", type.Levels.Select(l => l.Colour()))}, not {level.Colour()}."];
            return null;
        }
        return level;
    }

    public static WarningArea? Area(AreaRequest? area, Dictionary<string, string[]> errors)
    {
        if (area is null || ((area.DistrictCodes?.Count ?? 0) == 0 && string.IsNullOrWhiteSpace(area.Polygon) && string.IsNullOrWhiteSpace(area.Circle)))
        {
            errors["area"] = ["Give the area as district codes and/or a polygon or circle."];
            return null;
        }
        var districts = (area.DistrictCodes ?? []).Select(d => d?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToList();
        if (districts.FirstOrDefault(d => !Districts.IsKnown(d)) is { } bad)
        {
            errors["area.districtCodes"] = [$"'{bad}' is not a Shanghai district code (GB/T 2260, e.g. 310115 for Pudong)."];
        }
        string? polygon = null, circle = null;
        if (!string.IsNullOrWhiteSpace(area.Polygon))
        {
            if (!GeoPolygon.TryParse(area.Polygon, out var p, out var error)) errors["area.polygon"] = [error ?? "The polygon is malformed."];
            else if (p!.Points.Count > WarningLimits.PolygonPoints) errors["area.polygon"] = [$"A polygon has at most {WarningLimits.PolygonPoints} points ({p.Points.Count} given)."];
            else polygon = p.ToString();
        }
        if (!string.IsNullOrWhiteSpace(area.Circle))
        {
            if (GeoCircle.TryParse(area.Circle, out var c, out var error)) circle = c!.ToString();
            else errors["area.circle"] = [error ?? "The circle is malformed."];
        }
        return new WarningArea(districts, polygon, circle);
    }

    public static string? Text(string? value, string field, int max, Dictionary<string, string[]> errors, bool required)
    {
        // Zero-width characters alone are as empty as spaces.
        if (value is null || TextRules.IsBlank(value))
        {
            if (required) errors[field] = [$"The {field} is required."];
            return null;
        }
        if (value.Trim().Length > max)
        {
            errors[field] = [$"The {field} is at most {max} characters."];
            return null;
        }
        return value.Trim();
    }

    public static List<string>? Units(IReadOnlyList<string>? units, Dictionary<string, string[]> errors)
    {
        if (units is null) return null;
        if (units.Count > WarningLimits.ResponsibleUnits || units.Any(u => u is null || TextRules.IsBlank(u) || u.Trim().Length > WarningLimits.UnitName))
        {
            errors["responsibleUnits"] = [$"At most {WarningLimits.ResponsibleUnits} responsible units, each a name of at most {WarningLimits.UnitName} characters."];
            return null;
        }
        return [.. units.Select(u => u.Trim()).Distinct(StringComparer.Ordinal)];
    }

    public static void Times(DateTime effective, DateTime? onset, DateTime? expires, DateTime now, Dictionary<string, string[]> errors)
    {
        if (expires is { } x && x <= effective) errors["expires"] = ["The warning must expire after it takes effect."];
        else if (expires is { } y && y <= now) errors["expires"] = ["The expiry time has already passed."];
        if (onset is { } o && expires is { } e && o >= e) errors["onset"] = ["The onset must be before the expiry time."];
    }
}
