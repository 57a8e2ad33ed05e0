using EmergencyOps.Contracts.Warnings;

namespace Warnings.API.Model;

/// <summary>Where a warning is in its life: drafts wait for sign-off; published ones are active until they end.</summary>
public enum WarningState
{
    Draft,
    Active,
    Ended,
    Rejected,
}

/// <summary>What a version did. Issue is CAP Alert; Cancel is CAP Cancel; the rest are CAP Update.</summary>
public enum VersionKind
{
    Issue,
    Escalate,
    Downgrade,
    Extend,
    Amend,
    Lift,
    Cancel,
    Expire,
}

/// <summary>Where a warning came from.</summary>
public enum WarningOrigin
{
    Manual,
    Monitoring,
    Hazard,
}

/// <summary>
/// A warning across its versions. The row holds the current state for queries; the versions are the
/// record, and a published version is never changed.
/// </summary>
public sealed class Warning
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public required string Type { get; init; }

    public bool Exercise { get; init; }

    public WarningOrigin Origin { get; init; }

    public WarningState State { get; set; }

    public WarningLevel Level { get; set; }

    public List<string> DistrictCodes { get; set; } = [];

    public string Headline { get; set; } = "";

    public DateTime? Expires { get; set; }

    public int CurrentVersion { get; set; }

    public WarningEndReason? EndReason { get; set; }

    public DateTime? EndedAt { get; set; }

    public required string CreatedBy { get; init; }

    /// <summary>The drafter's identity (<c>sub</c>): the sign-off must come from another person, whatever the names.</summary>
    public string? CreatedBySubject { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? PublishedAt { get; set; }

    /// <summary>Optimistic concurrency: two replicas never both expire, update or lift the same warning.</summary>
    public int Revision { get; set; }

    public List<WarningVersion> Versions { get; } = [];

    /// <summary>Escalations held for sign-off: at most one open; loaded open ones only (see <c>WarningServices.FindAsync</c>).</summary>
    public List<PendingUpdate> PendingUpdates { get; } = [];

    public bool IsActive => State == WarningState.Active;

    /// <summary>The escalation awaiting sign-off, if any.</summary>
    public PendingUpdate? OpenPendingUpdate() => PendingUpdates.FirstOrDefault(p => p.IsOpen);
}

/// <summary>One immutable version of a warning (CAP alert message).</summary>
public sealed class WarningVersion
{
    public long Id { get; init; }

    public Guid WarningId { get; init; }

    public int Number { get; init; }

    public VersionKind Kind { get; init; }

    /// <summary>CAP identifier: issuer code + <c>_YYYYMMDDhhmmss_N</c>; set when published.</summary>
    public string? Identifier { get; set; }

    /// <summary>When it was published (UTC, whole seconds, as CAP writes it); null for a draft.</summary>
    public DateTime? Sent { get; set; }

    public WarningLevel Level { get; init; }

    public required string Headline { get; init; }

    public required string Description { get; init; }

    public string? Instruction { get; init; }

    public DateTime Effective { get; init; }

    public DateTime? Onset { get; init; }

    public DateTime? Expires { get; init; }

    public List<string> DistrictCodes { get; init; } = [];

    public string? Polygon { get; init; }

    public string? Circle { get; init; }

    public List<string> ResponsibleUnits { get; init; } = [];

    public required string Author { get; init; }

    public string? SignedOffBy { get; set; }

    public string? Note { get; init; }

    /// <summary>CAP certainty: Observed for measured breaches, Likely for forecasts and reports.</summary>
    public string Certainty { get; init; } = "Likely";

    public WarningArea Area => new(DistrictCodes, Polygon, Circle);
}
