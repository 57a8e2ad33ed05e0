namespace Shelters.API.Model;

/// <summary>
/// The shelter registry's bounds, written once: the request attributes, the handlers and the EF column sizes (so the
/// SQL Server DDL gets real sizes) all read them.
/// </summary>
public static class ShelterLimits
{
    /// <summary>A shelter's name, e.g. "世纪公园应急避难场所".</summary>
    public const int NameLength = 200;

    /// <summary>GB/T 2260 district codes are six digits.</summary>
    public const int DistrictCodeLength = 6;

    public const int AddressLength = 300;

    /// <summary>A manager, an inspector, or the actor of a log entry.</summary>
    public const int PersonNameLength = 100;

    /// <summary>A phone number or other contact.</summary>
    public const int ContactLength = 50;

    /// <summary>A facility or hazard code ("medical-point", "special-equipment"), and any enum name.</summary>
    public const int CodeLength = 50;

    /// <summary>Enum names as stored (the longest is "Registered").</summary>
    public const int StoredEnumLength = 20;

    /// <summary>A status change's reason, an occupancy note, a deletion's reason.</summary>
    public const int ReasonLength = 1_000;

    /// <summary>An inspection's findings: a short report.</summary>
    public const int FindingsLength = 2_000;

    /// <summary>A log note holds a reason, "failed: " and the findings, or a correction's changed fields.</summary>
    public const int LogNoteLength = 4_000;

    /// <summary>The 14 known facilities, with room for the list to grow.</summary>
    public const int MaxFacilities = 20;

    /// <summary>The 22 warning types of the catalogue, with room for it to grow.</summary>
    public const int MaxHazards = 30;

    /// <summary>A list column holds its codes as a JSON array: quotes and a comma per item, and the brackets.</summary>
    public const int FacilitiesColumnLength = (MaxFacilities * (CodeLength + 3)) + 2;

    public const int HazardsColumnLength = (MaxHazards * (CodeLength + 3)) + 2;

    /// <summary>Square metres: the largest park shelters of a city are about 1.5 km²; 10 km² is beyond any.</summary>
    public const double MaxUsableArea = 10_000_000;

    /// <summary>People: the largest central shelters hold tens of thousands.</summary>
    public const int MaxCapacity = 200_000;

    /// <summary>Most shelters a nearest-with-room query returns.</summary>
    public const int MaxNearest = 50;

    /// <summary>A comma list of district codes: all 16 of Shanghai fit with room.</summary>
    public const int DistrictListLength = 200;

    /// <summary>A CAP polygon "lat,lon lat,lon ...": about 200 points, as long as a query value may be.</summary>
    public const int PolygonLength = 4_000;

    /// <summary>A CAP circle "lat,lon radius_km".</summary>
    public const int CircleLength = 100;
}
