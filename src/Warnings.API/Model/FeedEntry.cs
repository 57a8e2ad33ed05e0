using EmergencyOps.Contracts.Warnings;

namespace Warnings.API.Model;

/// <summary>
/// One event of the live feed, written in the same transaction as the version it announces. The
/// sequence is the SSE event id, so any replica can replay what a reconnecting client missed.
/// </summary>
public sealed class FeedEntry
{
    public long Sequence { get; init; }

    public Guid WarningId { get; init; }

    public int Version { get; init; }

    /// <summary><c>warning.issued</c>, <c>warning.updated</c>, <c>warning.lifted</c>, <c>warning.cancelled</c> or <c>warning.expired</c>.</summary>
    public required string EventType { get; init; }

    public required string Type { get; init; }

    public WarningLevel Level { get; init; }

    /// <summary>The level before this version, so a subscriber watching orange also sees the downgrade that leaves it.</summary>
    public WarningLevel? PreviousLevel { get; init; }

    public bool Exercise { get; init; }

    public List<string> DistrictCodes { get; init; } = [];

    /// <summary>The JSON data line, written once the version has its CAP identifier.</summary>
    public string Payload { get; set; } = "";

    public DateTime At { get; init; }
}
