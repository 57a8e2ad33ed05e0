namespace Warnings.API.Model;

/// <summary>A responsible unit's part in a warning's closed loop: acknowledge (签收) in time, then report disposition (处置反馈).</summary>
public sealed class UnitResponse
{
    public long Id { get; init; }

    public Guid WarningId { get; init; }

    public required string Unit { get; init; }

    /// <summary>The version the unit was first asked to acknowledge.</summary>
    public int RequestedVersion { get; init; }

    public DateTime RequestedAt { get; init; }

    public DateTime Deadline { get; init; }

    public DateTime? AcknowledgedAt { get; set; }

    public string? AcknowledgedBy { get; set; }

    /// <summary>The operations centre acknowledged for the unit; the unit itself did not.</summary>
    public bool AcknowledgedOnBehalf { get; set; }

    /// <summary>Set once, by whichever replica's sweep flags it first (conditional update): the escalation is raised exactly once.</summary>
    public DateTime? OverdueAt { get; set; }

    public List<Disposition> Dispositions { get; } = [];
}

public enum DispositionStatus
{
    InProgress,
    Completed,
}

/// <summary>A disposition report from a unit; reports accumulate, the latest is the unit's current state.</summary>
public sealed class Disposition
{
    public long Id { get; init; }

    public long UnitResponseId { get; init; }

    public DispositionStatus Status { get; init; }

    public required string Report { get; init; }

    public required string ReportedBy { get; init; }

    /// <summary>The operations centre reported for the unit; the unit itself did not.</summary>
    public bool OnBehalf { get; init; }

    public DateTime ReportedAt { get; init; }
}
