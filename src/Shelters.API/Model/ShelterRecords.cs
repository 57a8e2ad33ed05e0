namespace Shelters.API.Model;

public enum ShelterChangeKind
{
    Registered,
    Arrival,
    Departure,
    Count,
    Status,
    Inspection,
    Warning,

    /// <summary>An administrator corrected the registration; the note says which fields changed, from what to what.</summary>
    Corrected,

    /// <summary>An administrator deleted the shelter: it is hidden from every list, its log and inspections stay readable.</summary>
    Deleted,
}

/// <summary>Every change to a shelter (status, occupancy, registration): who, when, how many, and the state after it. Append-only.</summary>
public class ShelterLogEntry
{
    public long Id { get; set; }

    public Guid ShelterId { get; set; }

    public ShelterChangeKind Kind { get; set; }

    public int Change { get; set; }

    public int OccupancyAfter { get; set; }

    public ShelterStatus StatusAfter { get; set; }

    public required string Actor { get; set; }

    public DateTime At { get; set; }

    public string? Note { get; set; }

    public Guid? WarningId { get; set; }
}

public class Inspection
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid ShelterId { get; set; }

    public DateOnly Date { get; set; }

    public required string Inspector { get; set; }

    public required string Findings { get; set; }

    public bool Passed { get; set; }

    /// <summary>Whether this inspection left the shelter out of service; null on rows recorded before it was stored.</summary>
    public bool? ShelterOutOfService { get; set; }

    public DateTime RecordedAt { get; set; }
}

/// <summary>A shelter a warning activated, and the status to return it to when the warning ends.</summary>
public class WarningActivation
{
    public Guid WarningId { get; set; }

    public Guid ShelterId { get; set; }

    public ShelterStatus PreviousStatus { get; set; }

    public ShelterStatus ActivatedStatus { get; set; }

    /// <summary>An exercise records what would happen without touching the shelter.</summary>
    public bool Exercise { get; set; }

    public DateTime ActivatedAt { get; set; }

    public DateTime? EndedAt { get; set; }
}
