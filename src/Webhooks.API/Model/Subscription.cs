using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;

namespace Webhooks.API.Model;

/// <summary>Whether a subscription's deliveries go out.</summary>
public enum SubscriptionState
{
    /// <summary>Events are recorded and delivered.</summary>
    Active,

    /// <summary>Paused by its owner: events are recorded and wait; they go out on resume.</summary>
    Paused,

    /// <summary>The receiver answered 410 Gone: nothing is recorded or sent until the owner resumes it.</summary>
    Disabled,
}

/// <summary>CAP's status of an event: a real one, or an exercise (演练). Only warnings carry exercises; every other event is actual.</summary>
public enum AlertStatus
{
    Actual,
    Exercise,
}

/// <summary>An integrator's endpoint, the event types it wants, its filters and its signing secrets.</summary>
public class Subscription
{
    public Guid Id { get; set; } = Guid.NewGuid();

    /// <summary>The client (or person) that subscribed: the token's <c>client_id</c>, else its <c>sub</c>.</summary>
    public required string Owner { get; set; }

    public required string Url { get; set; }

    /// <summary>Scheme, host and port of <see cref="Url"/>: the receiver, as the circuit breaker knows it.</summary>
    public required string Origin { get; set; }

    public string? Description { get; set; }

    /// <summary>Event names as the Contracts name their records, e.g. <c>MajorHazardSourceClassified</c>.</summary>
    public List<string> EventTypes { get; set; } = [];

    public List<string> DistrictCodes { get; set; } = [];

    public List<WarningLevel> WarningLevels { get; set; } = [];

    public List<MajorHazardLevel> HazardLevels { get; set; } = [];

    public AlertStatus? StatusFilter { get; set; }

    /// <summary>Set by an administrator only: deliveries may go to loopback or private addresses.</summary>
    public bool AllowPrivateNetwork { get; set; }

    public SubscriptionState State { get; set; }

    public string? DisabledReason { get; set; }

    public DateTime? DisabledAt { get; set; }

    /// <summary>The signing secret (<c>whsec_…</c>); kept because every delivery is signed with it.</summary>
    public required string Secret { get; set; }

    /// <summary>The secret before the last rotation, still signing until <see cref="PreviousSecretExpiresAt"/>.</summary>
    public string? PreviousSecret { get; set; }

    public DateTime? PreviousSecretExpiresAt { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }
}
