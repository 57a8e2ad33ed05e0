namespace EmergencyOps.Contracts.Shelters;

/// <summary>
/// A shelter failed an inspection while people were inside: it keeps them for now, receives no one new,
/// and asks for them to be moved to the alternatives listed.
/// </summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When the failed inspection was recorded.</param>
/// <param name="Source">Always <c>shelters</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="ShelterId">The shelter to empty.</param>
/// <param name="Name">Its name.</param>
/// <param name="DistrictCode">GB/T 2260 district code.</param>
/// <param name="Occupants">People inside when the inspection failed.</param>
/// <param name="Findings">The inspection's findings.</param>
/// <param name="Alternatives">The nearest open, in-service shelters with room for all of them, nearest first; empty when none has.</param>
public sealed record ShelterRelocationRequested(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid ShelterId, string Name, string DistrictCode, int Occupants, string Findings,
    IReadOnlyList<RelocationAlternative> Alternatives) : IIntegrationEvent;

/// <summary>A shelter that can take the people of a shelter being emptied.</summary>
/// <param name="ShelterId">The alternative shelter.</param>
/// <param name="Name">Its name.</param>
/// <param name="DistrictCode">GB/T 2260 district code.</param>
/// <param name="Available">Free places in it.</param>
/// <param name="DistanceMetres">Distance from the shelter being emptied, in metres.</param>
public sealed record RelocationAlternative(Guid ShelterId, string Name, string DistrictCode, int Available, int DistanceMetres);
