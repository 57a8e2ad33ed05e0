using EmergencyOps.Contracts.Warnings;
using EmergencyOps.ServiceDefaults.Input;

namespace Warnings.API.Model;

/// <summary>Districts (GB/T 2260) and/or a CAP polygon (<c>lat,lon ...</c>, closed) or circle (<c>lat,lon radius_km</c>).</summary>
public sealed record AreaRequest(
    [property: TextList(WarningLimits.Districts, WarningLimits.DistrictCode)] IReadOnlyList<string>? DistrictCodes,
    [property: Text(WarningLimits.Polygon)] string? Polygon,
    [property: Text(WarningLimits.Circle)] string? Circle);

public sealed record IssueWarningRequest(
    [property: OneOf(WarningTypes.Typhoon, WarningTypes.Rainstorm, WarningTypes.Snowstorm, WarningTypes.ColdWave, WarningTypes.Gale,
        WarningTypes.Sandstorm, WarningTypes.Heat, WarningTypes.Drought, WarningTypes.Lightning, WarningTypes.Hail, WarningTypes.Frost,
        WarningTypes.Fog, WarningTypes.Haze, WarningTypes.RoadIcing, WarningTypes.GasLeak, WarningTypes.ChemicalRelease,
        WarningTypes.Waterlogging, WarningTypes.Fire, WarningTypes.Subsidence, WarningTypes.Crowd, WarningTypes.SpecialEquipment,
        WarningTypes.Earthquake)] string? Type,
    [property: OneOf(Levels.Blue, Levels.Yellow, Levels.Orange, Levels.Red)] string? Level,
    AreaRequest? Area,
    [property: Text(WarningLimits.Headline)] string? Headline,
    [property: FreeText(WarningLimits.LongText)] string? Description,
    [property: FreeText(WarningLimits.LongText)] string? Instruction,
    [property: Moment] DateTimeOffset? Effective,
    [property: Moment] DateTimeOffset? Onset,
    [property: Moment] DateTimeOffset? Expires,
    [property: TextList(WarningLimits.ResponsibleUnits, WarningLimits.UnitName)] IReadOnlyList<string>? ResponsibleUnits,
    [property: OneOf("Actual", "Exercise")] string? Status,
    [property: FreeText(WarningLimits.Note)] string? Note);

/// <summary>A change to a published warning; what is left out stays as it was.</summary>
public sealed record UpdateWarningRequest(
    [property: OneOf(Levels.Blue, Levels.Yellow, Levels.Orange, Levels.Red)] string? Level,
    AreaRequest? Area,
    [property: Text(WarningLimits.Headline)] string? Headline,
    [property: FreeText(WarningLimits.LongText)] string? Description,
    [property: FreeText(WarningLimits.LongText)] string? Instruction,
    [property: Moment] DateTimeOffset? Onset,
    [property: Moment] DateTimeOffset? Expires,
    [property: TextList(WarningLimits.ResponsibleUnits, WarningLimits.UnitName)] IReadOnlyList<string>? ResponsibleUnits,
    [property: FreeText(WarningLimits.Note)] string? Note);

public sealed record EndWarningRequest(
    [property: FreeText(WarningLimits.Note)] string? Reason,
    [property: FreeText(WarningLimits.LongText)] string? Description,
    [property: FreeText(WarningLimits.LongText)] string? Instruction);

public sealed record SignOffRequest(bool? Approve, [property: FreeText(WarningLimits.Note)] string? Comment);

public sealed record AcknowledgeRequest([property: Text(WarningLimits.UnitName)] string? Unit);

public sealed record DispositionRequest(
    [property: Text(WarningLimits.UnitName)] string? Unit,
    DispositionStatus? Status,
    [property: FreeText(WarningLimits.LongText)] string? Report);

public sealed record VersionResponse(
    int Version, string Kind, string MsgType, string? Identifier, DateTimeOffset? Sent, WarningLevel Level, string LevelZh,
    string Headline, string Description, string? Instruction, DateTimeOffset Effective, DateTimeOffset? Onset, DateTimeOffset? Expires,
    WarningArea Area, IReadOnlyList<string> ResponsibleUnits, string Author, string? SignedOffBy, string? Note, IReadOnlyList<string> References)
{
    public static VersionResponse From(WarningVersion v, IReadOnlyList<WarningVersion> earlier) => new(
        v.Number, v.Kind.ToString().ToLowerInvariant(), FeedPayload.CapMessageType(v.Kind), v.Identifier,
        v.Sent is { } s ? WarningPublisher.Local(s) : null, v.Level, v.Level.ColourZh() + "预警 (" + v.Level.GradeZh() + ")",
        v.Headline, v.Description, v.Instruction, WarningPublisher.Local(v.Effective), v.Onset is { } o ? WarningPublisher.Local(o) : null,
        v.Expires is { } x ? WarningPublisher.Local(x) : null, v.Area, v.ResponsibleUnits, v.Author, v.SignedOffBy, v.Note,
        [.. earlier.Where(e => e.Number < v.Number && e.Identifier is not null).Select(e => e.Identifier!)]);
}

/// <summary>A warning: its current (published) version, its history, and an escalation awaiting sign-off, if any.</summary>
public sealed record WarningResponse(
    Guid Id, string Type, string TypeName, string Status, string State, string Origin, WarningLevel Level, string? EndReason,
    DateTimeOffset? EndedAt, VersionResponse Current, IReadOnlyList<VersionResponse> History, PendingUpdateResponse? PendingUpdate)
{
    public static WarningResponse From(Warning w)
    {
        var versions = w.Versions.OrderBy(v => v.Number).ToList();
        var all = versions.Select(v => VersionResponse.From(v, versions)).ToList();
        return new(w.Id, w.Type, WarningTypeCatalogue.Find(w.Type)?.NameZh ?? w.Type, w.Exercise ? "Exercise" : "Actual",
            w.State.ToString().ToLowerInvariant(), w.Origin.ToString().ToLowerInvariant(), w.Level,
            w.EndReason?.ToString().ToLowerInvariant(), w.EndedAt is { } e ? WarningPublisher.Local(e) : null, all[^1], all,
            w.OpenPendingUpdate() is { } p ? PendingUpdateResponse.From(w, p, versions) : null);
    }
}

/// <summary>A warning in a list; <c>pendingLevel</c> is the level of an escalation awaiting sign-off (null when none is).</summary>
public sealed record WarningSummary(
    Guid Id, string Type, string TypeName, string Status, string State, WarningLevel Level, string Headline,
    IReadOnlyList<string> DistrictCodes, int Version, DateTimeOffset? PublishedAt, DateTimeOffset? Expires, string? EndReason,
    WarningLevel? PendingLevel);

/// <summary>
/// A unit's part in the closed loop. <c>AcknowledgedOnBehalf</c> and <c>LatestReportOnBehalf</c> mark what the operations
/// centre recorded for the unit rather than the unit itself.
/// </summary>
public sealed record UnitResponseView(
    string Unit, int RequestedVersion, DateTimeOffset Deadline, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, bool AcknowledgedOnBehalf,
    bool Overdue, DateTimeOffset? EscalatedAt, string? Disposition, string? LatestReport, DateTimeOffset? LatestReportAt,
    string? LatestReportBy, bool LatestReportOnBehalf, int Reports);

public sealed record ResponsesView(Guid WarningId, int Units, int Acknowledged, int Overdue, int Completed, IReadOnlyList<UnitResponseView> Responses);
