using EmergencyOps.Contracts.Warnings;

namespace Warnings.API.Model;

/// <summary>
/// Thresholds of one indicator (e.g. hourly rainfall in mm): the value at or above which each level is
/// breached, a hysteresis band and a hold time before the system suggests (or makes) a downgrade or lift.
/// </summary>
public sealed class Threshold
{
    public required string Indicator { get; init; }

    public required string WarningType { get; set; }

    public required string Unit { get; set; }

    public decimal? Blue { get; set; }

    public decimal? Yellow { get; set; }

    public decimal? Orange { get; set; }

    public decimal? Red { get; set; }

    public decimal Hysteresis { get; set; }

    public TimeSpan Hold { get; set; }

    /// <summary>Downgrade or lift by itself after the hold time instead of only suggesting it.</summary>
    public bool AutoDowngrade { get; set; }

    public List<string> ResponsibleUnits { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    public decimal? ValueFor(WarningLevel level) => level switch
    {
        WarningLevel.Red => Red,
        WarningLevel.Orange => Orange,
        WarningLevel.Yellow => Yellow,
        _ => Blue,
    };

    /// <summary>The most severe level whose threshold <paramref name="value"/> reaches, after lowering every threshold by <paramref name="margin"/>.</summary>
    public WarningLevel? LevelFor(decimal value, decimal margin = 0)
    {
        foreach (var level in new[] { WarningLevel.Red, WarningLevel.Orange, WarningLevel.Yellow, WarningLevel.Blue })
        {
            if (ValueFor(level) is { } t && value >= t - margin)
            {
                return level;
            }
        }
        return null;
    }
}

/// <summary>What monitoring knows about one station and indicator: the warning it raised and how long the value has been clearly lower.</summary>
public sealed class StationState
{
    public required string Indicator { get; init; }

    public required string Station { get; init; }

    public required string DistrictCode { get; set; }

    public Guid? WarningId { get; set; }

    public WarningLevel? Level { get; set; }

    public DateTime? LastObservedAt { get; set; }

    public decimal? LastValue { get; set; }

    /// <summary>Since when readings have stayed below the current level's threshold minus the hysteresis band.</summary>
    public DateTime? ClearSince { get; set; }

    /// <summary>The level a suggestion was last made for (null = lift), so a suggestion is made once.</summary>
    public string? SuggestedTarget { get; set; }

    public int Revision { get; set; }
}

public sealed class Reading
{
    public long Id { get; init; }

    public required string Indicator { get; init; }

    public required string Station { get; init; }

    public required string DistrictCode { get; init; }

    public decimal Value { get; init; }

    public DateTime ObservedAt { get; init; }

    public DateTime ReceivedAt { get; init; }
}

public enum SuggestionKind
{
    Issue,
    Downgrade,
    Lift,
}

/// <summary>Something the system proposes to the operations centre instead of doing it: issue, downgrade or lift a warning.</summary>
public sealed class Suggestion
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public SuggestionKind Kind { get; init; }

    public Guid? WarningId { get; init; }

    public required string WarningType { get; init; }

    public WarningLevel? Level { get; init; }

    public List<string> DistrictCodes { get; init; } = [];

    public string? Circle { get; init; }

    public required string Reason { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? ClosedAt { get; set; }

    public string? ClosedBy { get; set; }

    public bool Accepted { get; set; }
}

/// <summary>A major hazard source as the hazard registry last reported it.</summary>
public sealed class HazardSite
{
    public Guid UnitId { get; init; }

    public Guid EnterpriseId { get; init; }

    public required string Name { get; set; }

    public required string DistrictCode { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public EmergencyOps.Contracts.Hazards.MajorHazardLevel Level { get; set; }

    public decimal R { get; set; }

    public DateTime UpdatedAt { get; set; }
}
