using EmergencyOps.Contracts.Hazards;

namespace Hazards.API.Model;

/// <summary>What a risk point (风险点) is: a unit (设备设施、装置、区域), a process (工艺) or an activity (作业活动).</summary>
public enum RiskPointKind
{
    Unit,
    Process,
    Activity,
}

/// <summary>Who controls the risk (分级管控): the company, a workshop, a team or a post.</summary>
public enum ResponsibleLevel
{
    Company,
    Workshop,
    Team,
    Post,
}

/// <summary>An enterprise's risk point with its hazards, its control measures and its LEC grade.</summary>
public class RiskPoint
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid EnterpriseId { get; set; }

    public required string Name { get; set; }

    public RiskPointKind Kind { get; set; }

    /// <summary>危险有害因素: what could go wrong here.</summary>
    public List<string> Hazards { get; set; } = [];

    /// <summary>管控措施: what keeps it from happening.</summary>
    public List<string> Measures { get; set; } = [];

    public ResponsibleLevel ResponsibleLevel { get; set; }

    public decimal L { get; set; }

    public decimal E { get; set; }

    public decimal C { get; set; }

    public decimal D { get; set; }

    public RiskColour Colour { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }
}
