using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;

namespace Webhooks.API.Model;

public sealed record SubscriptionFilterResponse(
    IReadOnlyList<string> DistrictCodes, IReadOnlyList<WarningLevel> WarningLevels, IReadOnlyList<MajorHazardLevel> HazardLevels, AlertStatus? Status);

/// <summary>A subscription without its secret (which only subscribing and rotating return).</summary>
public sealed record SubscriptionResponse(
    Guid Id, string Owner, string Url, string? Description, IReadOnlyList<string> EventTypes, SubscriptionFilterResponse Filter,
    bool AllowPrivateNetwork, SubscriptionState State, string? DisabledReason, DateTime? DisabledAt, DateTime? PreviousSecretExpiresAt,
    DateTime CreatedAt, DateTime UpdatedAt, int Version)
{
    public static SubscriptionResponse From(Subscription s, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Owner, s.Url, s.Description, s.EventTypes, new SubscriptionFilterResponse(s.DistrictCodes, s.WarningLevels, s.HazardLevels, s.StatusFilter),
            s.AllowPrivateNetwork, s.State, s.DisabledReason, s.DisabledAt, s.PreviousSecretExpiresAt > now ? s.PreviousSecretExpiresAt : null,
            s.CreatedAt, s.UpdatedAt, s.Version);
    }
}

/// <summary>A new subscription with its signing secret: shown this once, keep it.</summary>
public sealed record SubscriptionCreatedResponse(Guid Id, string Secret, SubscriptionResponse Subscription);

/// <summary>A new signing secret; the previous one keeps signing (a second signature) until <c>previousSecretExpiresAt</c>.</summary>
public sealed record RotatedSecretResponse(Guid SubscriptionId, string Secret, DateTime? PreviousSecretExpiresAt);

/// <summary>An event type an integrator may subscribe to, with the filters its events can be matched on.</summary>
public sealed record EventTypeResponse(string Name, string Type, string Area, IReadOnlyList<string> Filters)
{
    public static EventTypeResponse From(EventDescriptor d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new(d.Name, d.CloudEventType, d.CloudEventType.Split('.')[^3], d.Filters);
    }
}
