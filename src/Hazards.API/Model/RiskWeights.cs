namespace Hazards.API.Model;

/// <summary>
/// The weights of the enterprise risk model (风险预警模型), as data: one row, edited by administrators. Points per term and
/// the scores at which an enterprise turns yellow, orange and red. The defaults put an enterprise with a 一级 major hazard
/// source and a red risk point at orange (70), and red once a 重大 hidden danger is open there as well (85).
/// </summary>
public class RiskWeights
{
    public const int SingletonId = 1;

    /// <summary>Scan anomalies count for this many days.</summary>
    public const int AnomalyWindowDays = 30;

    public int Id { get; set; } = SingletonId;

    // The highest major hazard source (一级 is the gravest).
    public decimal MajorHazardLevel1 { get; set; } = 40;
    public decimal MajorHazardLevel2 { get; set; } = 30;
    public decimal MajorHazardLevel3 { get; set; } = 20;
    public decimal MajorHazardLevel4 { get; set; } = 10;

    // The highest risk-point colour (LEC).
    public decimal RiskPointRed { get; set; } = 30;
    public decimal RiskPointOrange { get; set; } = 20;
    public decimal RiskPointYellow { get; set; } = 10;
    public decimal RiskPointBlue { get; set; }

    // Each open hidden danger (verified, not yet closed), and each overdue one on top of that.
    public decimal OpenGeneralDanger { get; set; } = 3;
    public decimal OpenMajorDanger { get; set; } = 15;
    public decimal OverdueGeneralDanger { get; set; } = 5;
    public decimal OverdueMajorDanger { get; set; } = 20;

    // Each scan anomaly at the enterprise in the window, up to a cap.
    public decimal ScanAnomaly { get; set; } = 3;
    public decimal ScanAnomalyCap { get; set; } = 15;

    // The level thresholds: a score at or above each.
    public decimal YellowFrom { get; set; } = 25;
    public decimal OrangeFrom { get; set; } = 50;
    public decimal RedFrom { get; set; } = 75;

    public DateTime? UpdatedAt { get; set; }

    public string? UpdatedBy { get; set; }

    public int Version { get; set; }
}

/// <summary>An enterprise's dynamic risk level as last computed: what the regulators' ranking reads and what a change is judged against.</summary>
public class EnterpriseRisk
{
    public Guid EnterpriseId { get; set; }

    public decimal Score { get; set; }

    public EmergencyOps.Contracts.Hazards.RiskColour Level { get; set; }

    public DateTime ComputedAt { get; set; }

    /// <summary>When the level last changed (or was first computed).</summary>
    public DateTime LevelSince { get; set; }

    /// <summary>When the score next changes by time alone (the oldest counted anomaly leaves the window); null when it will not.</summary>
    public DateTime? DueAt { get; set; }

    public int Version { get; set; }
}
