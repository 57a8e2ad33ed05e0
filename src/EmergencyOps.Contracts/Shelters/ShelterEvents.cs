namespace EmergencyOps.Contracts.Shelters;

/// <summary>A shelter began receiving people (status open).</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it opened.</param>
/// <param name="Source">Always <c>shelters</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request or warning.</param>
/// <param name="ShelterId">The shelter.</param>
/// <param name="Name">Its name.</param>
/// <param name="DistrictCode">GB/T 2260 district code.</param>
/// <param name="Capacity">Places in total.</param>
/// <param name="Available">Free places now.</param>
/// <param name="WarningId">The warning that opened it, when a warning did.</param>
public sealed record ShelterOpened(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid ShelterId, string Name, string DistrictCode, int Capacity, int Available, Guid? WarningId) : IIntegrationEvent;

/// <summary>A shelter was put on standby: ready to open at short notice.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>shelters</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request or warning.</param>
/// <param name="ShelterId">The shelter.</param>
/// <param name="Name">Its name.</param>
/// <param name="DistrictCode">GB/T 2260 district code.</param>
/// <param name="Capacity">Places in total.</param>
/// <param name="WarningId">The warning that caused it, when a warning did.</param>
public sealed record ShelterPlacedOnStandby(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid ShelterId, string Name, string DistrictCode, int Capacity, Guid? WarningId) : IIntegrationEvent;

/// <summary>A shelter stopped receiving people (closed, returned to normal, or taken out of service).</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>shelters</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="ShelterId">The shelter.</param>
/// <param name="Name">Its name.</param>
/// <param name="DistrictCode">GB/T 2260 district code.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="OutOfService">True when a failed inspection closed it.</param>
public sealed record ShelterClosed(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid ShelterId, string Name, string DistrictCode, string Reason, bool OutOfService) : IIntegrationEvent;

/// <summary>A shelter reached its capacity and refuses further arrivals.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>shelters</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="ShelterId">The shelter.</param>
/// <param name="Name">Its name.</param>
/// <param name="DistrictCode">GB/T 2260 district code.</param>
/// <param name="Capacity">Its capacity, now reached.</param>
public sealed record ShelterFull(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid ShelterId, string Name, string DistrictCode, int Capacity) : IIntegrationEvent;

/// <summary>People arrived at or left a shelter, or a count corrected its occupancy.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>shelters</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="ShelterId">The shelter.</param>
/// <param name="DistrictCode">GB/T 2260 district code.</param>
/// <param name="Change">Signed change in people.</param>
/// <param name="Occupancy">People inside after the change.</param>
/// <param name="Capacity">Its capacity.</param>
public sealed record ShelterOccupancyChanged(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid ShelterId, string DistrictCode, int Change, int Occupancy, int Capacity) : IIntegrationEvent;
