namespace EmergencyOps.Contracts;

/// <summary>
/// What every integration event of EmergencyOps carries, whatever service publishes it.
/// Events are immutable, named in the past tense and versioned by their type name
/// (a breaking change gets a new type such as <c>WarningIssuedV2</c>).
/// </summary>
public interface IIntegrationEvent
{
    /// <summary>Unique id of this event; consumers use it to apply an event once.</summary>
    Guid EventId { get; }

    /// <summary>When the change the event reports happened (UTC).</summary>
    DateTimeOffset OccurredAt { get; }

    /// <summary>The publishing service, e.g. <c>hazards</c>, <c>warnings</c>, <c>inventory</c>, <c>shelters</c>.</summary>
    string Source { get; }

    /// <summary>Ties the event to the request or message that caused it, across services.</summary>
    Guid CorrelationId { get; }
}
