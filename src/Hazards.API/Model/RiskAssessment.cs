using System.Globalization;
using EmergencyOps.Contracts.Hazards;

namespace Hazards.API.Model;

/// <summary>What the risk model reads of one enterprise: its gravest hazard source and risk point, its open dangers, its anomalies.</summary>
public sealed record RiskFacts(
    MajorHazardLevel? HighestHazard, RiskColour? HighestRiskPoint, int OpenGeneral, int OpenMajor, int OverdueGeneral, int OverdueMajor,
    int Anomalies, DateTime? OldestAnomalyAt);

/// <summary>One term of a score: what it counts, how many, the weight of each and the points it adds.</summary>
public sealed record RiskTerm(string Term, string Label, int Count, decimal Weight, decimal Points)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture, $"{Label} +{Points:0.##}");
}

/// <summary>A score, its level and every term that makes it up, zero-point terms included (so a reader sees what was looked at).</summary>
public sealed record RiskAssessment(decimal Score, RiskColour Level, IReadOnlyList<RiskTerm> Terms)
{
    public static RiskAssessment Assess(RiskFacts f, RiskWeights w)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(w);
        var hazardWeight = f.HighestHazard switch
        {
            MajorHazardLevel.Level1 => w.MajorHazardLevel1,
            MajorHazardLevel.Level2 => w.MajorHazardLevel2,
            MajorHazardLevel.Level3 => w.MajorHazardLevel3,
            MajorHazardLevel.Level4 => w.MajorHazardLevel4,
            _ => 0m,
        };
        var pointWeight = f.HighestRiskPoint switch
        {
            RiskColour.Red => w.RiskPointRed,
            RiskColour.Orange => w.RiskPointOrange,
            RiskColour.Yellow => w.RiskPointYellow,
            RiskColour.Blue => w.RiskPointBlue,
            _ => 0m,
        };
        List<RiskTerm> terms =
        [
            new("majorHazard", f.HighestHazard is { } h ? $"最高重大危险源: {MajorHazardEvaluator.LevelName(h)}" : "无重大危险源",
                f.HighestHazard is null ? 0 : 1, hazardWeight, hazardWeight),
            new("riskPoint", f.HighestRiskPoint is { } c ? $"最高风险点: {Lec.ColourName(c)}色({Lec.LevelName(c)})" : "无风险点",
                f.HighestRiskPoint is null ? 0 : 1, pointWeight, pointWeight),
            PerItem("openMajorDangers", "未销号重大隐患", f.OpenMajor, w.OpenMajorDanger),
            PerItem("openGeneralDangers", "未销号一般隐患", f.OpenGeneral, w.OpenGeneralDanger),
            PerItem("overdueMajorDangers", "逾期未整改重大隐患", f.OverdueMajor, w.OverdueMajorDanger),
            PerItem("overdueGeneralDangers", "逾期未整改一般隐患", f.OverdueGeneral, w.OverdueGeneralDanger),
            new("scanAnomalies", $"近{RiskWeights.AnomalyWindowDays}日扫码异常(封顶 {w.ScanAnomalyCap:0.##} 分)", f.Anomalies, w.ScanAnomaly,
                Math.Min(f.Anomalies * w.ScanAnomaly, w.ScanAnomalyCap)),
        ];
        // Weights read back from SQLite carry trailing zeros ("40.0"): answered as the numbers they are.
        terms = [.. terms.Select(t => t with { Weight = Lec.Normalize(t.Weight), Points = Lec.Normalize(t.Points) })];
        var score = Lec.Normalize(terms.Sum(t => t.Points));
        return new(score, LevelOf(score, w), terms);
    }

    public static RiskColour LevelOf(decimal score, RiskWeights w) =>
        score >= w.RedFrom ? RiskColour.Red : score >= w.OrangeFrom ? RiskColour.Orange : score >= w.YellowFrom ? RiskColour.Yellow : RiskColour.Blue;

    private static RiskTerm PerItem(string term, string label, int count, decimal weight) => new(term, label, count, weight, count * weight);
}
