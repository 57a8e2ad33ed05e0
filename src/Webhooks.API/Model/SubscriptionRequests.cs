using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.ServiceDefaults.Input;
using static Webhooks.API.Model.WebhookLimits;

namespace Webhooks.API.Model;

/// <summary>
/// A subscription as an integrator asks for it: where to deliver, which event types (record names or CloudEvents types,
/// see <c>GET /api/webhooks/event-types</c>), optional filters, and (administrators only) whether the endpoint may be on
/// a private network.
/// </summary>
public sealed record SubscribeRequest(
    [property: Text(UrlLength)] string? Url,
    [property: TextList(MaxEventTypes, EventTypeLength)] IReadOnlyList<string>? EventTypes,
    SubscriptionFilterRequest? Filter = null,
    [property: Text(DescriptionLength)] string? Description = null,
    bool? AllowPrivateNetwork = null);

/// <summary>
/// Filters: each constrains the events that carry its fact (districts, a warning's colour, a major hazard source's grade)
/// and lets the others through; <c>status</c> keeps exercises (演练) apart from actual events.
/// </summary>
public sealed record SubscriptionFilterRequest(
    [property: TextList(MaxDistricts, DistrictCodeLength)] IReadOnlyList<string>? DistrictCodes = null,
    [property: Items(MaxLevels), OneOf(typeof(WarningLevel))] IReadOnlyList<string>? WarningLevels = null,
    [property: Items(MaxLevels), OneOf(typeof(MajorHazardLevel))] IReadOnlyList<string>? HazardLevels = null,
    [property: OneOf(typeof(AlertStatus)), Text(EnumNameLength)] string? Status = null);

/// <summary>Send again every delivery of the subscription recorded since this time, failed or not.</summary>
public sealed record ReplaySinceRequest([property: Moment] DateTimeOffset? Since);
