namespace Warnings.API.Model;

public sealed record ReadingInput(string? Indicator, string? Station, string? District, decimal? Value, DateTimeOffset? ObservedAt);

/// <summary>One reading (the fields at the top level) or a batch (<c>readings</c>).</summary>
public sealed record ReadingsRequest(
    string? Indicator, string? Station, string? District, decimal? Value, DateTimeOffset? ObservedAt, IReadOnlyList<ReadingInput>? Readings);

/// <summary>What one reading did: <c>none</c>, <c>stale</c>, <c>issued</c>, <c>escalated</c>, <c>held</c>, <c>suggested</c>, <c>downgraded</c> or <c>lifted</c>.</summary>
public sealed record ReadingOutcome(string Indicator, string Station, decimal Value, DateTimeOffset ObservedAt, string Action, Guid? WarningId, string? Level, Guid? SuggestionId);

public sealed record ThresholdRequest(
    string? WarningType, string? Unit, decimal? Blue, decimal? Yellow, decimal? Orange, decimal? Red,
    decimal? Hysteresis, int? HoldMinutes, bool? AutoDowngrade, IReadOnlyList<string>? ResponsibleUnits);

public sealed record ThresholdResponse(
    string Indicator, string WarningType, string Unit, decimal? Blue, decimal? Yellow, decimal? Orange, decimal? Red,
    decimal Hysteresis, int HoldMinutes, bool AutoDowngrade, IReadOnlyList<string> ResponsibleUnits)
{
    public static ThresholdResponse From(Threshold t) => new(t.Indicator, t.WarningType, t.Unit, t.Blue, t.Yellow, t.Orange, t.Red,
        t.Hysteresis, (int)t.Hold.TotalMinutes, t.AutoDowngrade, t.ResponsibleUnits);
}

public sealed record SuggestionResponse(
    Guid Id, string Kind, Guid? WarningId, string WarningType, string? Level, IReadOnlyList<string> DistrictCodes, string? Circle,
    string Reason, DateTimeOffset CreatedAt, string State, string? ClosedBy)
{
    public static SuggestionResponse From(Suggestion s) => new(s.Id, s.Kind.ToString().ToLowerInvariant(), s.WarningId, s.WarningType,
        s.Level?.ToString().ToLowerInvariant(), s.DistrictCodes, s.Circle, s.Reason, WarningPublisher.Local(s.CreatedAt),
        s.ClosedAt is null ? "open" : s.Accepted ? "accepted" : "dismissed", s.ClosedBy);
}
