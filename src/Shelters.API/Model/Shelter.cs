using EmergencyOps.Geography;

namespace Shelters.API.Model;

public enum ShelterKind
{
    Indoor,
    Outdoor,
}

/// <summary>应急避难场所 grades: 紧急 (emergency, hours), 固定 (fixed, days to weeks), 中心 (central, the district's hub).</summary>
public enum ShelterGrade
{
    Emergency,
    Fixed,
    Central,
}

/// <summary>Closed is the normal state in peacetime; standby, open and full are activations.</summary>
public enum ShelterStatus
{
    Closed,
    Standby,
    Open,
    Full,
}

public class Shelter
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Name { get; set; }

    public ShelterKind Kind { get; set; }

    public ShelterGrade Grade { get; set; }

    public required string DistrictCode { get; set; }

    public required string Address { get; set; }

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public double UsableArea { get; set; }

    public int Capacity { get; set; }

    public int Occupancy { get; set; }

    public List<string> Facilities { get; set; } = [];

    public List<string> SuitableHazards { get; set; } = [];

    public List<string> UnsuitableHazards { get; set; } = [];

    public required string Manager { get; set; }

    public required string Contact { get; set; }

    public ShelterStatus Status { get; set; } = ShelterStatus.Closed;

    /// <summary>
    /// Set by a failed inspection, cleared by a passed one. Such a shelter receives no one: it is closed, or, when
    /// people were inside, keeps them (departures and counts go on) until they are relocated.
    /// </summary>
    public bool OutOfService { get; set; }

    /// <summary>
    /// The status a failed inspection closed the shelter from; a passing inspection returns it there, unless an
    /// operator changed the status in between (which clears this).
    /// </summary>
    public ShelterStatus? StatusBeforeOutOfService { get; set; }

    public DateTime RegisteredAt { get; set; }

    /// <summary>
    /// Set when an administrator deletes the shelter. The row stays, as the registry's record of what was deleted;
    /// a query filter hides it from every list, query and change.
    /// </summary>
    public DateTime? DeletedAt { get; set; }

    public int Available => Math.Max(0, Capacity - Occupancy);

    public GeoPoint Location => new(Latitude, Longitude);

    /// <summary>Suitable means listed as suitable and not listed as unsuitable.</summary>
    public bool Suits(string hazard) => SuitableHazards.Contains(hazard) && !UnsuitableHazards.Contains(hazard);

    public bool Receives => Status == ShelterStatus.Open && !OutOfService;
}
