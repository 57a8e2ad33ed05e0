using EmergencyOps.Contracts.Hazards;

namespace Hazards.API.Model;

/// <summary>
/// Where a hidden danger stands in its closed loop (隐患排查治理闭环): reported (a citizen's report awaiting a regulator's
/// verification), verified (to be planned), rejected (not a hidden danger: the end), rectifying (planned, or sent back by a
/// failed review), rectified (awaiting review, 复查) and closed (销号).
/// </summary>
public enum HiddenDangerState
{
    Reported,
    Verified,
    Rejected,
    Rectifying,
    Rectified,
    Closed,
}

/// <summary>What one step of the loop did; every step is kept with who did it and when.</summary>
public enum HiddenDangerAction
{
    Reported,
    Verified,
    Rejected,
    Planned,
    Rectified,
    ReviewPassed,
    ReviewFailed,
    Listed,
    Overdue,
    Closed,
}

/// <summary>A hidden danger (事故隐患) found at an enterprise, with its rectification (五到位), review, supervision and deadline.</summary>
public class HiddenDanger
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EnterpriseId { get; set; }

    public HiddenDangerSource Source { get; set; }

    public HiddenDangerGrade Grade { get; set; }

    /// <summary>The grade the reporter asked for; a cited criterion makes the danger major whatever was asked.</summary>
    public HiddenDangerGrade RequestedGrade { get; set; }

    /// <summary>Numbers of the major-hidden-danger criteria (安监总管三〔2017〕121号) it meets.</summary>
    public List<int> Criteria { get; set; } = [];

    public required string Title { get; set; }

    public required string Description { get; set; }

    public string? Location { get; set; }

    public HiddenDangerState State { get; set; }

    public required string ReportedBy { get; set; }

    public DateTime ReportedAt { get; set; }

    public string? RejectionReason { get; set; }

    // The rectification plan (五到位: measures, responsibility, funds, time limit; the plan itself is the fifth).
    public string? Measures { get; set; }

    public string? ResponsiblePerson { get; set; }

    public decimal? Funds { get; set; }

    public DateTime? Deadline { get; set; }

    public string? Evidence { get; set; }

    public DateTime? RectifiedAt { get; set; }

    /// <summary>Set once, by the sweep that claimed the overdue escalation.</summary>
    public DateTime? OverdueAt { get; set; }

    // Listed supervision (挂牌督办).
    public DateTime? ListedAt { get; set; }

    public string? ListedBy { get; set; }

    public string? SupervisingUnit { get; set; }

    public DateTime? SupervisionDeadline { get; set; }

    public DateTime? ClosedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Concurrency token, raised by every step: of two racing transitions one wins, the other is a 409.</summary>
    public int Revision { get; set; }

    public bool Listed => ListedAt is not null;
}

/// <summary>One step of a hidden danger's loop: the n-th (1 for the report), what it did, who and when, and its note.</summary>
public class HiddenDangerStep
{
    public Guid DangerId { get; set; }

    public int Sequence { get; set; }

    public HiddenDangerAction Action { get; set; }

    public required string Actor { get; set; }

    public DateTime At { get; set; }

    public string? Note { get; set; }
}
