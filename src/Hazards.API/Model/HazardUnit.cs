using EmergencyOps.Contracts.Hazards;

namespace Hazards.API.Model;

/// <summary>GB 18218 units: a production unit (bounded by cut-off valves), a tank farm (by its dike), a store (a separate storehouse).</summary>
public enum UnitKind
{
    ProductionUnit,
    TankFarm,
    Store,
}

/// <summary>A unit of an enterprise, with its latest major-hazard evaluation.</summary>
public class HazardUnit
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EnterpriseId { get; set; }

    public UnitKind Kind { get; set; }

    public required string Name { get; set; }

    /// <summary>People within 500 m outside the site boundary (sets α).</summary>
    public int PeopleOutside { get; set; }

    public List<UnitSubstance> Substances { get; set; } = [];

    // The latest evaluation, denormalised for lists by level and district.
    public required string DistrictCode { get; set; }

    public decimal S { get; set; }

    public decimal R { get; set; }

    public bool IsMajorHazard { get; set; }

    public MajorHazardLevel? Level { get; set; }

    public DateTime EvaluatedAt { get; set; }

    public int Version { get; set; }
}

/// <summary>The maximum quantity q (tonnes) of one chemical present in a unit.</summary>
public class UnitSubstance
{
    public required string Cas { get; set; }

    public decimal MaxTonnes { get; set; }
}

/// <summary>Every evaluation of a unit with the inputs and terms it used, so a regulator can check it.</summary>
public class UnitEvaluation
{
    public long Id { get; set; }

    public Guid UnitId { get; set; }

    public DateTime EvaluatedAt { get; set; }

    public required string Reason { get; set; }

    public int PeopleOutside { get; set; }

    public decimal Alpha { get; set; }

    public decimal S { get; set; }

    public decimal R { get; set; }

    public bool IsMajorHazard { get; set; }

    public MajorHazardLevel? Level { get; set; }

    public required string Edition { get; set; }

    /// <summary>The per-chemical terms as JSON (q, Q and its source, β, q/Q, βq/Q).</summary>
    public required string TermsJson { get; set; }
}
