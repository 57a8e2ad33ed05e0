using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;

namespace Shelters.API.Model;

public sealed record RegisterShelterRequest(
    string? Name, string? Kind, string? Grade, string? DistrictCode, string? Address,
    double? Latitude, double? Longitude, double? UsableArea, int? Capacity,
    IReadOnlyList<string>? Facilities, IReadOnlyList<string>? SuitableHazards, IReadOnlyList<string>? UnsuitableHazards,
    string? Manager, string? Contact);

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

public sealed record ChangeStatusRequest(string? Status, string? Reason);

public sealed record OccupancyRequest(string? Kind, int? People, string? Note);

public sealed record OccupancyResponse(Guid ShelterId, int Occupancy, int Capacity, int Available, ShelterStatus Status);

public sealed record RecordInspectionRequest(DateOnly? Date, string? Inspector, string? Findings, bool? Passed);

public sealed record InspectionResponse(Guid Id, Guid ShelterId, DateOnly Date, string Inspector, string Findings, bool Passed, bool ShelterOutOfService);

public sealed record LogEntryResponse(long Sequence, ShelterChangeKind Kind, int Change, int OccupancyAfter, ShelterStatus StatusAfter, string Actor, DateTime At, string? Note, Guid? WarningId);

/// <summary>Facilities a shelter can list.</summary>
public static class Facilities
{
    public static IReadOnlyList<string> All { get; } =
        ["water", "power", "toilets", "medical-point", "broadcast", "accessibility", "kitchen", "showers", "ventilation", "heating", "communication", "storage", "helipad", "fire-equipment"];
}

/// <summary>Field-by-field checks; every message names the field (camelCase, as in the JSON).</summary>
public static class ShelterValidation
{
    public static Dictionary<string, string[]> Validate(RegisterShelterRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200) Fail("name", "A name of 1 to 200 characters is required.");
        if (!Enum.TryParse<ShelterKind>(r.Kind, ignoreCase: true, out _)) Fail("kind", "Kind must be 'indoor' or 'outdoor'.");
        if (!Enum.TryParse<ShelterGrade>(r.Grade, ignoreCase: true, out _)) Fail("grade", "Grade must be 'emergency', 'fixed' or 'central'.");
        if (!Districts.IsKnown(r.DistrictCode)) Fail("districtCode", $"'{r.DistrictCode}' is not a Shanghai district code (GB/T 2260, e.g. 310115 for Pudong).");
        if (string.IsNullOrWhiteSpace(r.Address)) Fail("address", "An address is required.");
        if (r.Latitude is not { } lat || r.Longitude is not { } lon || !Districts.IsWithinShanghai(new GeoPoint(lat, lon)))
        {
            Fail("latitude", "Latitude and longitude (WGS-84 degrees) must place the shelter within Shanghai (latitude 30.5–32.0, longitude 120.8–122.5).");
        }
        if (r.UsableArea is not > 0) Fail("usableArea", "Usable area must be more than 0 square metres.");
        if (r.Capacity is not > 0) Fail("capacity", "Capacity must be at least 1 person.");
        if (r.Capacity is > 0 && r.UsableArea is > 0 && r.UsableArea / r.Capacity < 0.5)
        {
            Fail("capacity", $"Capacity {r.Capacity} leaves less than 0.5 m² per person on {r.UsableArea} m².");
        }
        Unknown("facilities", r.Facilities, Facilities.All);
        Unknown("suitableHazards", r.SuitableHazards, WarningTypes.All);
        Unknown("unsuitableHazards", r.UnsuitableHazards, WarningTypes.All);
        var both = (r.SuitableHazards ?? []).Intersect(r.UnsuitableHazards ?? []).ToList();
        if (both.Count > 0) Fail("unsuitableHazards", $"A hazard cannot be both suitable and unsuitable: {string.Join(", ", both)}.");
        if (string.IsNullOrWhiteSpace(r.Manager)) Fail("manager", "A manager is required.");
        if (string.IsNullOrWhiteSpace(r.Contact)) Fail("contact", "A contact number is required.");
        return errors;

        void Unknown(string field, IReadOnlyList<string>? values, IReadOnlyList<string> known)
        {
            var unknown = (values ?? []).Except(known).ToList();
            if (unknown.Count > 0) Fail(field, $"Unknown: {string.Join(", ", unknown)}. Known: {string.Join(", ", known)}.");
        }
    }

    public static Shelter ToShelter(RegisterShelterRequest r, DateTime now) => new()
    {
        Name = r.Name!.Trim(),
        Kind = Enum.Parse<ShelterKind>(r.Kind!, ignoreCase: true),
        Grade = Enum.Parse<ShelterGrade>(r.Grade!, ignoreCase: true),
        DistrictCode = r.DistrictCode!,
        Address = r.Address!.Trim(),
        Latitude = r.Latitude!.Value,
        Longitude = r.Longitude!.Value,
        UsableArea = r.UsableArea!.Value,
        Capacity = r.Capacity!.Value,
        Facilities = [.. (r.Facilities ?? []).Distinct()],
        SuitableHazards = [.. (r.SuitableHazards ?? []).Distinct()],
        UnsuitableHazards = [.. (r.UnsuitableHazards ?? []).Distinct()],
        Manager = r.Manager!.Trim(),
        Contact = r.Contact!.Trim(),
        RegisteredAt = now,
    };
}
