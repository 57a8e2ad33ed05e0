using EmergencyOps.Contracts.Warnings;

namespace Warnings.API.Model;

/// <summary>Builds the next version of a warning from its current one: unchanged fields carry over.</summary>
public static class VersionBuilder
{
    public static WarningVersion Current(this Warning w) => w.Versions.Single(v => v.Number == w.CurrentVersion);

    public static WarningVersion Next(
        Warning w, VersionKind kind, string author, string? note, WarningLevel? level = null, WarningArea? area = null,
        string? headline = null, string? description = null, string? instruction = null, DateTime? onset = null,
        DateTime? expires = null, IReadOnlyList<string>? units = null, string? certainty = null)
    {
        var c = w.Current();
        return new WarningVersion
        {
            WarningId = w.Id, Number = w.Versions.Max(v => v.Number) + 1, Kind = kind, Level = level ?? c.Level,
            Headline = headline ?? c.Headline, Description = description ?? c.Description, Instruction = instruction ?? c.Instruction,
            Effective = c.Effective, Onset = onset ?? c.Onset, Expires = expires ?? c.Expires,
            DistrictCodes = [.. area?.DistrictCodes ?? c.DistrictCodes], Polygon = area is null ? c.Polygon : area.Polygon,
            Circle = area is null ? c.Circle : area.Circle, ResponsibleUnits = [.. units ?? c.ResponsibleUnits],
            Author = author, Note = note, Certainty = certainty ?? c.Certainty,
        };
    }

    /// <summary>What an update does, named from what it changes: a level change wins, then a later expiry.</summary>
    public static VersionKind? KindOf(WarningVersion current, WarningVersion next)
    {
        if (next.Level.IsMoreSevereThan(current.Level)) return VersionKind.Escalate;
        if (current.Level.IsMoreSevereThan(next.Level)) return VersionKind.Downgrade;
        var otherChange = next.Headline != current.Headline || next.Description != current.Description || next.Instruction != current.Instruction
            || next.Onset != current.Onset || next.Polygon != current.Polygon || next.Circle != current.Circle
            || !next.DistrictCodes.SequenceEqual(current.DistrictCodes) || !next.ResponsibleUnits.SequenceEqual(current.ResponsibleUnits);
        if (next.Expires != current.Expires && (current.Expires is null || next.Expires > current.Expires) && !otherChange) return VersionKind.Extend;
        return otherChange || next.Expires != current.Expires ? VersionKind.Amend : null;
    }

    public static WarningVersion WithKind(this WarningVersion v, VersionKind kind) => new()
    {
        WarningId = v.WarningId, Number = v.Number, Kind = kind, Level = v.Level, Headline = v.Headline, Description = v.Description,
        Instruction = v.Instruction, Effective = v.Effective, Onset = v.Onset, Expires = v.Expires, DistrictCodes = v.DistrictCodes,
        Polygon = v.Polygon, Circle = v.Circle, ResponsibleUnits = v.ResponsibleUnits, Author = v.Author, Note = v.Note, Certainty = v.Certainty,
    };
}
