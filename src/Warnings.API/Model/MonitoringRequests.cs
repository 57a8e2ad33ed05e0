using System.ComponentModel.DataAnnotations;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.ServiceDefaults.Input;

namespace Warnings.API.Model;

public sealed record ReadingInput(
    [property: Text(WarningLimits.Indicator), RegularExpression(WarningLimits.IndicatorPattern, ErrorMessage = WarningLimits.IndicatorRule)] string? Indicator,
    [property: Text(WarningLimits.Station), RegularExpression(WarningLimits.StationPattern, ErrorMessage = WarningLimits.StationRule)] string? Station,
    [property: Text(WarningLimits.DistrictCode)] string? District,
    [property: Bounded(-WarningLimits.Value, WarningLimits.Value)] decimal? Value,
    [property: Moment] DateTimeOffset? ObservedAt);

/// <summary>One reading (the fields at the top level) or a batch (<c>readings</c>).</summary>
public sealed record ReadingsRequest(
    [property: Text(WarningLimits.Indicator), RegularExpression(WarningLimits.IndicatorPattern, ErrorMessage = WarningLimits.IndicatorRule)] string? Indicator,
    [property: Text(WarningLimits.Station), RegularExpression(WarningLimits.StationPattern, ErrorMessage = WarningLimits.StationRule)] string? Station,
    [property: Text(WarningLimits.DistrictCode)] string? District,
    [property: Bounded(-WarningLimits.Value, WarningLimits.Value)] decimal? Value,
    [property: Moment] DateTimeOffset? ObservedAt,
    [property: Items(WarningLimits.Readings)] IReadOnlyList<ReadingInput>? Readings);

/// <summary>What one reading did: <c>none</c>, <c>stale</c>, <c>issued</c>, <c>escalated</c>, <c>held</c>, <c>suggested</c>, <c>downgraded</c> or <c>lifted</c>.</summary>
public sealed record ReadingOutcome(string Indicator, string Station, decimal Value, DateTimeOffset ObservedAt, string Action, Guid? WarningId, string? Level, Guid? SuggestionId);

/// <summary>Values at or above which each level is breached (each above the one before), a hysteresis band (≥ 0) and a hold time.</summary>
public sealed record ThresholdRequest(
    [property: OneOf(WarningTypes.Typhoon, WarningTypes.Rainstorm, WarningTypes.Snowstorm, WarningTypes.ColdWave, WarningTypes.Gale,
        WarningTypes.Sandstorm, WarningTypes.Heat, WarningTypes.Drought, WarningTypes.Lightning, WarningTypes.Hail, WarningTypes.Frost,
        WarningTypes.Fog, WarningTypes.Haze, WarningTypes.RoadIcing, WarningTypes.GasLeak, WarningTypes.ChemicalRelease,
        WarningTypes.Waterlogging, WarningTypes.Fire, WarningTypes.Subsidence, WarningTypes.Crowd, WarningTypes.SpecialEquipment,
        WarningTypes.Earthquake)] string? WarningType,
    [property: Text(WarningLimits.MeasureUnit)] string? Unit,
    [property: Bounded(-WarningLimits.Value, WarningLimits.Value)] decimal? Blue,
    [property: Bounded(-WarningLimits.Value, WarningLimits.Value)] decimal? Yellow,
    [property: Bounded(-WarningLimits.Value, WarningLimits.Value)] decimal? Orange,
    [property: Bounded(-WarningLimits.Value, WarningLimits.Value)] decimal? Red,
    [property: Bounded(0, WarningLimits.Value)] decimal? Hysteresis,
    [property: Bounded(0, WarningLimits.HoldMinutes)] int? HoldMinutes,
    bool? AutoDowngrade,
    [property: TextList(WarningLimits.ResponsibleUnits, WarningLimits.UnitName)] IReadOnlyList<string>? ResponsibleUnits);

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
