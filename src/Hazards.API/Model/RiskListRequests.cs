using EmergencyOps.Contracts.Hazards;
using EmergencyOps.ServiceDefaults.Input;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Model;

/// <summary>A regulator's answer to a filing.</summary>
public enum ReviewDecision
{
    Accept,
    Return,
}

/// <summary>Accept a filing, or return it with a note saying what to change (a note is required to return).</summary>
public sealed record ReviewRiskListRequest(
    [property: OneOf(typeof(ReviewDecision))] string? Decision,
    [property: FreeText(ReviewNoteLength)] string? Note);

public sealed record RiskColourCounts(int Red, int Orange, int Yellow, int Blue);

/// <summary>A filing without its items: version, who filed it and when, the counts per colour, and its review.</summary>
public sealed record RiskListSummary(
    Guid EnterpriseId, int Version, DateTime FiledAt, string FiledBy, int RiskPoints, RiskColourCounts Counts, RiskColour Highest,
    string HighestName, RiskListStatus Status, string? ReviewedBy, DateTime? ReviewedAt, string? ReviewNote)
{
    public static RiskListSummary From(RiskList l) => new(
        l.EnterpriseId, l.Version, l.FiledAt, l.FiledBy, l.Red + l.Orange + l.Yellow + l.Blue, new(l.Red, l.Orange, l.Yellow, l.Blue),
        l.Highest, Lec.LevelName(l.Highest), l.Status, l.ReviewedBy, l.ReviewedAt, l.ReviewNote);
}

/// <summary>One risk point as it was filed.</summary>
public sealed record RiskListItemResponse(
    Guid RiskPointId, string Name, RiskPointKind Kind, IReadOnlyList<string> Hazards, IReadOnlyList<string> Measures, ResponsibleLevel ResponsibleLevel,
    decimal L, decimal E, decimal C, decimal D, RiskColour Colour, string ColourName, string LevelName)
{
    public static RiskListItemResponse From(RiskListItem i) => new(
        i.RiskPointId, i.Name, i.Kind, i.Hazards, i.Measures, i.ResponsibleLevel, Lec.Normalize(i.L), Lec.Normalize(i.E), Lec.Normalize(i.C), Lec.Normalize(i.D), i.Colour, Lec.ColourName(i.Colour), Lec.LevelName(i.Colour));
}

/// <summary>A filing with every risk point it lists, highest D first.</summary>
public sealed record RiskListResponse(RiskListSummary Filing, IReadOnlyList<RiskListItemResponse> Items);
