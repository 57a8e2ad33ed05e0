using EmergencyOps.Contracts.Hazards;

namespace Hazards.API.Model;

/// <summary>Where a filing stands with the regulator: filed (awaiting review), accepted, or returned for a new filing.</summary>
public enum RiskListStatus
{
    Filed,
    Accepted,
    Returned,
}

/// <summary>
/// One filing (备案) of an enterprise's risk list (风险管控清单): version N of its risk points as they were when filed.
/// Kept for good: later edits of the risk points never change it, and a new filing is a new version.
/// </summary>
public class RiskList
{
    public Guid EnterpriseId { get; set; }

    public int Version { get; set; }

    public DateTime FiledAt { get; set; }

    public required string FiledBy { get; set; }

    public int Red { get; set; }

    public int Orange { get; set; }

    public int Yellow { get; set; }

    public int Blue { get; set; }

    public RiskColour Highest { get; set; }

    public RiskListStatus Status { get; set; }

    public string? ReviewedBy { get; set; }

    public DateTime? ReviewedAt { get; set; }

    public string? ReviewNote { get; set; }

    /// <summary>Concurrency token: two reviews of one filing cannot both win.</summary>
    public int Revision { get; set; }
}

/// <summary>One risk point of a filing, copied when it was filed.</summary>
public class RiskListItem
{
    public Guid EnterpriseId { get; set; }

    public int Version { get; set; }

    public int Position { get; set; }

    public Guid RiskPointId { get; set; }

    public required string Name { get; set; }

    public RiskPointKind Kind { get; set; }

    public List<string> Hazards { get; set; } = [];

    public List<string> Measures { get; set; } = [];

    public ResponsibleLevel ResponsibleLevel { get; set; }

    public decimal L { get; set; }

    public decimal E { get; set; }

    public decimal C { get; set; }

    public decimal D { get; set; }

    public RiskColour Colour { get; set; }

    public static RiskListItem Snapshot(RiskPoint p, int version, int position) => new()
    {
        EnterpriseId = p.EnterpriseId, Version = version, Position = position, RiskPointId = p.Id, Name = p.Name, Kind = p.Kind,
        Hazards = [.. p.Hazards], Measures = [.. p.Measures], ResponsibleLevel = p.ResponsibleLevel, L = p.L, E = p.E, C = p.C, D = p.D, Colour = p.Colour,
    };
}
