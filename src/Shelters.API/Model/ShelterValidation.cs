using System.Globalization;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;

namespace Shelters.API.Model;

/// <summary>
/// The domain rules of a registration or correction, after the request's attributes have bounded every field; every
/// message names the field (camelCase, as in the JSON).
/// </summary>
public static class ShelterValidation
{
    public static Dictionary<string, string[]> Validate(RegisterShelterRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > ShelterLimits.NameLength) Fail("name", $"A name of 1 to {ShelterLimits.NameLength} characters is required.");
        if (!EnumNames.TryParse<ShelterKind>(r.Kind, out _)) Fail("kind", "Kind must be 'indoor' or 'outdoor'.");
        if (!EnumNames.TryParse<ShelterGrade>(r.Grade, out _)) Fail("grade", "Grade must be 'emergency', 'fixed' or 'central'.");
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

    /// <summary>A new shelter from a request <see cref="Validate"/> accepted.</summary>
    public static Shelter ToShelter(RegisterShelterRequest r, DateTime now)
    {
        var shelter = new Shelter { Name = "", DistrictCode = "", Address = "", Manager = "", Contact = "", RegisteredAt = now };
        Apply(r, shelter);
        return shelter;
    }

    /// <summary>Writes a request <see cref="Validate"/> accepted onto a shelter: its registration, not its state (status, occupancy, service).</summary>
    public static void Apply(RegisterShelterRequest r, Shelter shelter)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(shelter);
        shelter.Name = r.Name!.Trim();
        shelter.Kind = EnumNames.TryParse<ShelterKind>(r.Kind, out var kind) ? kind : throw new ArgumentException("Validate the request first.", nameof(r));
        shelter.Grade = EnumNames.TryParse<ShelterGrade>(r.Grade, out var grade) ? grade : throw new ArgumentException("Validate the request first.", nameof(r));
        shelter.DistrictCode = r.DistrictCode!;
        shelter.Address = r.Address!.Trim();
        shelter.Latitude = r.Latitude!.Value;
        shelter.Longitude = r.Longitude!.Value;
        shelter.UsableArea = r.UsableArea!.Value;
        shelter.Capacity = r.Capacity!.Value;
        shelter.Facilities = [.. (r.Facilities ?? []).Distinct()];
        shelter.SuitableHazards = [.. (r.SuitableHazards ?? []).Distinct()];
        shelter.UnsuitableHazards = [.. (r.UnsuitableHazards ?? []).Distinct()];
        shelter.Manager = r.Manager!.Trim();
        shelter.Contact = r.Contact!.Trim();
    }

    /// <summary>
    /// The registration fields that differ, as the log records a correction: "capacity: 1000 → 800". Values are cut
    /// at 100 characters, so the note of a correction of every field still fits the log.
    /// </summary>
    public static IReadOnlyList<string> Changes(Shelter before, Shelter after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        void Compare(string field, string old, string now)
        {
            if (!string.Equals(old, now, StringComparison.Ordinal))
            {
                changes.Add($"{field}: {TextRules.Fit(old, 100)} → {TextRules.Fit(now, 100)}");
            }
        }
        Compare("name", before.Name, after.Name);
        Compare("kind", Name(before.Kind), Name(after.Kind));
        Compare("grade", Name(before.Grade), Name(after.Grade));
        Compare("districtCode", before.DistrictCode, after.DistrictCode);
        Compare("address", before.Address, after.Address);
        Compare("latitude", Number(before.Latitude), Number(after.Latitude));
        Compare("longitude", Number(before.Longitude), Number(after.Longitude));
        Compare("usableArea", Number(before.UsableArea), Number(after.UsableArea));
        Compare("capacity", Number(before.Capacity), Number(after.Capacity));
        Compare("facilities", List(before.Facilities), List(after.Facilities));
        Compare("suitableHazards", List(before.SuitableHazards), List(after.SuitableHazards));
        Compare("unsuitableHazards", List(before.UnsuitableHazards), List(after.UnsuitableHazards));
        Compare("manager", before.Manager, after.Manager);
        Compare("contact", before.Contact, after.Contact);
        return changes;

        static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();
        static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        static string List(IEnumerable<string> values) => $"[{string.Join(", ", values)}]";
    }
}
