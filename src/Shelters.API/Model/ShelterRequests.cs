using System.ComponentModel.DataAnnotations;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;
using static Shelters.API.Model.ShelterLimits;

namespace Shelters.API.Model;

/// <summary>
/// A registration, and the whole of a correction (PUT). The attributes bound every field before the handler runs;
/// <see cref="ShelterValidation"/> keeps the domain rules (a Shanghai district and location, known hazards, area per person).
/// </summary>
public sealed record RegisterShelterRequest(
    [property: Required(ErrorMessage = "A name is required."), Text(NameLength)] string? Name,
    [property: Required(ErrorMessage = "Kind must be 'indoor' or 'outdoor'."), OneOf(typeof(ShelterKind))] string? Kind,
    [property: Required(ErrorMessage = "Grade must be 'emergency', 'fixed' or 'central'."), OneOf(typeof(ShelterGrade))] string? Grade,
    [property: Required(ErrorMessage = "A Shanghai district code is required (GB/T 2260, e.g. 310115 for Pudong)."), Text(DistrictCodeLength)] string? DistrictCode,
    [property: Required(ErrorMessage = "An address is required."), Text(AddressLength)] string? Address,
    [property: Required(ErrorMessage = "Latitude (WGS-84 degrees) is required."), Bounded(-90d, 90d)] double? Latitude,
    [property: Required(ErrorMessage = "Longitude (WGS-84 degrees) is required."), Bounded(-180d, 180d)] double? Longitude,
    [property: Required(ErrorMessage = "Usable area (square metres) is required."), Bounded(0d, MaxUsableArea)] double? UsableArea,
    [property: Required(ErrorMessage = "Capacity (people) is required."), Bounded(1, MaxCapacity)] int? Capacity,
    [property: TextList(MaxFacilities, CodeLength), OneOf(
        Model.Facilities.Water, Model.Facilities.Power, Model.Facilities.Toilets, Model.Facilities.MedicalPoint, Model.Facilities.Broadcast,
        Model.Facilities.Accessibility, Model.Facilities.Kitchen, Model.Facilities.Showers, Model.Facilities.Ventilation, Model.Facilities.Heating,
        Model.Facilities.Communication, Model.Facilities.Storage, Model.Facilities.Helipad, Model.Facilities.FireEquipment)]
    IReadOnlyList<string>? Facilities,
    // Hazards are checked by the handler, which names the unknown codes and the contradictions together.
    [property: TextList(MaxHazards, CodeLength)] IReadOnlyList<string>? SuitableHazards,
    [property: TextList(MaxHazards, CodeLength)] IReadOnlyList<string>? UnsuitableHazards,
    [property: Required(ErrorMessage = "A manager is required."), Text(PersonNameLength)] string? Manager,
    [property: Required(ErrorMessage = "A contact number is required."), Text(ContactLength)] string? Contact);

public sealed record ShelterResponse(
    Guid Id, string Name, ShelterKind Kind, ShelterGrade Grade, string DistrictCode, string DistrictName, string Address,
    double Latitude, double Longitude, double UsableArea, int Capacity, int Occupancy, int Available,
    IReadOnlyList<string> Facilities, IReadOnlyList<string> SuitableHazards, IReadOnlyList<string> UnsuitableHazards,
    string Manager, string Contact, ShelterStatus Status, bool OutOfService)
{
    public static ShelterResponse From(Shelter s) => new(
        s.Id, s.Name, s.Kind, s.Grade, s.DistrictCode, Districts.Find(s.DistrictCode)?.Name ?? s.DistrictCode, s.Address,
        s.Latitude, s.Longitude, s.UsableArea, s.Capacity, s.Occupancy, s.Available,
        s.Facilities, s.SuitableHazards, s.UnsuitableHazards, s.Manager, s.Contact, s.Status, s.OutOfService);
}

public sealed record NearbyShelter(Guid Id, string Name, string DistrictCode, string Address, double Latitude, double Longitude, int Available, int Capacity, int DistanceMetres);

public sealed record ChangeStatusRequest(
    [property: Required(ErrorMessage = "Status must be 'closed', 'standby', 'open' or 'full'."), OneOf(typeof(ShelterStatus))] string? Status,
    [property: FreeText(ReasonLength)] string? Reason);

public sealed record OccupancyRequest(
    [property: Required(ErrorMessage = "Kind must be 'arrival', 'departure' or 'count'."), OneOf("arrival", "departure", "count")] string? Kind,
    [property: Required(ErrorMessage = "The number of people is required."), Bounded(0, MaxCapacity)] int? People,
    [property: FreeText(ReasonLength)] string? Note);

public sealed record OccupancyResponse(Guid ShelterId, int Occupancy, int Capacity, int Available, ShelterStatus Status);

public sealed record RecordInspectionRequest(
    [property: Required(ErrorMessage = "The inspection date is required and cannot be in the future."), Moment] DateOnly? Date,
    [property: Required(ErrorMessage = "The inspector is required."), Text(PersonNameLength)] string? Inspector,
    [property: Required(ErrorMessage = "Findings are required (write 'none' when there are none)."), FreeText(FindingsLength)] string? Findings,
    [property: Required(ErrorMessage = "Say whether the inspection passed.")] bool? Passed);

/// <summary>
/// An inspection, and whether it left the shelter out of service. When it failed with people inside, <c>Relocation</c>
/// says how many are to be moved and where to (on the answer to the recording only).
/// </summary>
public sealed record InspectionResponse(Guid Id, Guid ShelterId, DateOnly Date, string Inspector, string Findings, bool Passed, bool ShelterOutOfService,
    RelocationNeeded? Relocation = null);

/// <summary>People to move out of a shelter that failed its inspection, and the nearest open shelters with room for all of them.</summary>
public sealed record RelocationNeeded(int Occupants, IReadOnlyList<NearbyShelter> Alternatives);

public sealed record LogEntryResponse(long Sequence, ShelterChangeKind Kind, int Change, int OccupancyAfter, ShelterStatus StatusAfter, string Actor, DateTime At, string? Note, Guid? WarningId);
