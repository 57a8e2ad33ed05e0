namespace EmergencyOps.Contracts.Warnings;

/// <summary>Warning colour levels: blue (IV) lowest to red (I) highest.</summary>
public enum WarningLevel
{
    /// <summary>蓝色 (IV级), CAP severity Minor.</summary>
    Blue = 4,

    /// <summary>黄色 (III级), CAP severity Moderate.</summary>
    Yellow = 3,

    /// <summary>橙色 (II级), CAP severity Severe.</summary>
    Orange = 2,

    /// <summary>红色 (I级), CAP severity Extreme.</summary>
    Red = 1,
}

/// <summary>
/// The area a warning covers, in CAP's own forms: district administrative codes (GB/T 2260),
/// and optionally a polygon (<c>lat,lon lat,lon ...</c>, closed) or circle (<c>lat,lon radius_km</c>).
/// </summary>
/// <param name="DistrictCodes">Warned districts, e.g. <c>310115</c> for Pudong.</param>
/// <param name="Polygon">The hazard zone as a CAP polygon, or null.</param>
/// <param name="Circle">The hazard zone as a CAP circle, or null.</param>
public sealed record WarningArea(IReadOnlyList<string> DistrictCodes, string? Polygon = null, string? Circle = null);

/// <summary>A warning was published (its first version).</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was published.</param>
/// <param name="Source">Always <c>warnings</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="WarningId">The warning across all its versions.</param>
/// <param name="Version">1 for an issue.</param>
/// <param name="Type">Type code from the warning type catalogue (see <see cref="WarningTypes"/>).</param>
/// <param name="Level">Colour level.</param>
/// <param name="Exercise">True for an exercise (演练): consumers keep it apart from reality.</param>
/// <param name="Area">Where it applies.</param>
/// <param name="Headline">One-line headline.</param>
/// <param name="Expires">When it ends by itself, if set.</param>
public sealed record WarningIssued(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid WarningId, int Version, string Type, WarningLevel Level, bool Exercise, WarningArea Area, string Headline, DateTimeOffset? Expires)
    : IIntegrationEvent;

/// <summary>A new version of a warning was published: escalated, downgraded, extended, or its area or text changed.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When the version was published.</param>
/// <param name="Source">Always <c>warnings</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="WarningId">The warning across all its versions.</param>
/// <param name="Version">The new version number.</param>
/// <param name="Type">Type code.</param>
/// <param name="Level">Level of this version.</param>
/// <param name="PreviousLevel">Level of the version it replaces.</param>
/// <param name="Exercise">True for an exercise.</param>
/// <param name="Area">Area of this version.</param>
/// <param name="Headline">Headline of this version.</param>
/// <param name="Expires">When it ends by itself, if set.</param>
public sealed record WarningUpdated(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid WarningId, int Version, string Type, WarningLevel Level, WarningLevel PreviousLevel, bool Exercise, WarningArea Area, string Headline, DateTimeOffset? Expires)
    : IIntegrationEvent;

/// <summary>A warning ended: lifted (解除), cancelled (issued in error) or expired.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it ended.</param>
/// <param name="Source">Always <c>warnings</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="WarningId">The warning.</param>
/// <param name="Version">The closing version number.</param>
/// <param name="Type">Type code.</param>
/// <param name="Exercise">True for an exercise.</param>
/// <param name="Area">Area of the last version.</param>
/// <param name="Reason">How it ended.</param>
public sealed record WarningEnded(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid WarningId, int Version, string Type, bool Exercise, WarningArea Area, WarningEndReason Reason)
    : IIntegrationEvent;

/// <summary>How a warning ended.</summary>
public enum WarningEndReason
{
    /// <summary>解除: the hazard has passed.</summary>
    Lifted,

    /// <summary>Issued in error.</summary>
    Cancelled,

    /// <summary>Reached its expiry time.</summary>
    Expired,
}

/// <summary>A responsible unit did not acknowledge (签收) a warning in time; the operations centre escalates (叫应). Raised once per unit and warning.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When the deadline was found passed.</param>
/// <param name="Source">Always <c>warnings</c>.</param>
/// <param name="CorrelationId">Correlation id of the warning's publication.</param>
/// <param name="WarningId">The warning.</param>
/// <param name="Version">The version the unit was asked to acknowledge.</param>
/// <param name="Type">Type code.</param>
/// <param name="Level">Level of that version.</param>
/// <param name="Exercise">True for an exercise.</param>
/// <param name="Unit">The responsible unit, e.g. <c>浦东新区应急管理局</c>.</param>
/// <param name="Deadline">When the acknowledgement was due.</param>
public sealed record WarningAcknowledgementOverdue(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid WarningId, int Version, string Type, WarningLevel Level, bool Exercise, string Unit, DateTimeOffset Deadline)
    : IIntegrationEvent;
