using EmergencyOps.Contracts.Warnings;

namespace Warnings.API.Model;

/// <summary>What became of an escalation held for sign-off.</summary>
public enum PendingUpdateOutcome
{
    /// <summary>Signed off: published as the version in <see cref="PendingUpdate.PublishedVersion"/>.</summary>
    Approved,

    /// <summary>Refused by the second person: never published.</summary>
    Rejected,

    /// <summary>The warning ended (lifted, cancelled, expired) before anyone signed it off.</summary>
    Withdrawn,
}

/// <summary>
/// An update that raises an active warning to a level needing sign-off, held until a second person signs it off
/// (审核签发), as a warning issued at that level is. Meanwhile the warning stays published at its level. It keeps only
/// what the update changes, so an update published meanwhile (text, area, expiry) is not undone: signed off, it
/// becomes the next version on top of the version current then. Decided ones stay as the record of who decided.
/// </summary>
public sealed class PendingUpdate
{
    public long Id { get; init; }

    public Guid WarningId { get; init; }

    /// <summary>The version that was current when it was proposed.</summary>
    public int ProposedOnVersion { get; init; }

    public WarningLevel Level { get; init; }

    /// <summary>Whether it gives a new area: then its districts, polygon and circle replace the current ones.</summary>
    public bool ChangesArea { get; init; }

    public List<string> DistrictCodes { get; init; } = [];

    public string? Polygon { get; init; }

    public string? Circle { get; init; }

    public string? Headline { get; init; }

    public string? Description { get; init; }

    public string? Instruction { get; init; }

    public DateTime? Onset { get; init; }

    public DateTime? Expires { get; init; }

    /// <summary>Null: the responsible units stay as they are.</summary>
    public List<string>? ResponsibleUnits { get; init; }

    public string? Note { get; init; }

    public required string ProposedBy { get; init; }

    /// <summary>The proposer's identity (<c>sub</c>): the sign-off must come from another person, whatever the names.</summary>
    public string? ProposedBySubject { get; init; }

    public DateTime ProposedAt { get; init; }

    /// <summary>Null while it awaits sign-off.</summary>
    public PendingUpdateOutcome? Outcome { get; set; }

    public string? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }

    public int? PublishedVersion { get; set; }

    public bool IsOpen => Outcome is null;

    /// <summary>
    /// Holds <paramref name="next"/>, an escalation of <paramref name="w"/>'s current version, by what the update gave:
    /// its level, note and author, and the fields given here (null: not part of the update).
    /// </summary>
    public static PendingUpdate Hold(Warning w, WarningVersion next, DateTime now, WarningArea? area = null, string? headline = null, string? description = null,
        string? instruction = null, DateTime? onset = null, DateTime? expires = null, List<string>? units = null, string? proposedBySubject = null) => new()
    {
        WarningId = w.Id, ProposedOnVersion = w.CurrentVersion, Level = next.Level, ChangesArea = area is not null,
        DistrictCodes = [.. area?.DistrictCodes ?? []], Polygon = area?.Polygon, Circle = area?.Circle, Headline = headline, Description = description,
        Instruction = instruction, Onset = onset, Expires = expires, ResponsibleUnits = units, Note = next.Note, ProposedBy = next.Author, ProposedBySubject = proposedBySubject, ProposedAt = now,
    };

    /// <summary>The version it publishes on top of <paramref name="w"/>'s current one; authored by whoever proposed it.</summary>
    public WarningVersion NextVersion(Warning w) => VersionBuilder.Next(w, VersionKind.Escalate, ProposedBy, Note, Level,
        ChangesArea ? new WarningArea(DistrictCodes, Polygon, Circle) : null, Headline, Description, Instruction, Onset, Expires, ResponsibleUnits);

    public void Close(PendingUpdateOutcome outcome, string by, DateTime at) => (Outcome, DecidedBy, DecidedAt) = (outcome, by, at);
}
