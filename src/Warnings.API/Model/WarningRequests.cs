using EmergencyOps.Contracts.Warnings;

namespace Warnings.API.Model;

/// <summary>Districts (GB/T 2260) and/or a CAP polygon (<c>lat,lon ...</c>, closed) or circle (<c>lat,lon radius_km</c>).</summary>
public sealed record AreaRequest(IReadOnlyList<string>? DistrictCodes, string? Polygon, string? Circle);

public sealed record IssueWarningRequest(
    string? Type, string? Level, AreaRequest? Area, string? Headline, string? Description, string? Instruction,
    DateTimeOffset? Effective, DateTimeOffset? Onset, DateTimeOffset? Expires, IReadOnlyList<string>? ResponsibleUnits, string? Status, string? Note);

/// <summary>A change to a published warning; what is left out stays as it was.</summary>
public sealed record UpdateWarningRequest(
    string? Level, AreaRequest? Area, string? Headline, string? Description, string? Instruction,
    DateTimeOffset? Onset, DateTimeOffset? Expires, IReadOnlyList<string>? ResponsibleUnits, string? Note);

public sealed record EndWarningRequest(string? Reason, string? Description, string? Instruction);

public sealed record SignOffRequest(bool? Approve, string? Comment);

public sealed record AcknowledgeRequest(string? Unit);

public sealed record DispositionRequest(string? Unit, DispositionStatus? Status, string? Report);

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

public sealed record WarningResponse(
    Guid Id, string Type, string TypeName, string Status, string State, string Origin, WarningLevel Level, string? EndReason,
    DateTimeOffset? EndedAt, VersionResponse Current, IReadOnlyList<VersionResponse> History)
{
    public static WarningResponse From(Warning w)
    {
        var versions = w.Versions.OrderBy(v => v.Number).ToList();
        var all = versions.Select(v => VersionResponse.From(v, versions)).ToList();
        return new(w.Id, w.Type, WarningTypeCatalogue.Find(w.Type)?.NameZh ?? w.Type, w.Exercise ? "Exercise" : "Actual",
            w.State.ToString().ToLowerInvariant(), w.Origin.ToString().ToLowerInvariant(), w.Level,
            w.EndReason?.ToString().ToLowerInvariant(), w.EndedAt is { } e ? WarningPublisher.Local(e) : null, all[^1], all);
    }
}

public sealed record WarningSummary(
    Guid Id, string Type, string TypeName, string Status, string State, WarningLevel Level, string Headline,
    IReadOnlyList<string> DistrictCodes, int Version, DateTimeOffset? PublishedAt, DateTimeOffset? Expires, string? EndReason);

public sealed record UnitResponseView(
    string Unit, int RequestedVersion, DateTimeOffset Deadline, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
    bool Overdue, DateTimeOffset? EscalatedAt, string? Disposition, string? LatestReport, DateTimeOffset? LatestReportAt, int Reports);

public sealed record ResponsesView(Guid WarningId, int Units, int Acknowledged, int Overdue, int Completed, IReadOnlyList<UnitResponseView> Responses);
