using System.Globalization;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;

namespace Hazards.API.Model;

/// <summary>
/// The risk model's weights, all of them (an edit replaces the set): points per term, 0–100 with two decimals at most, and
/// the scores from which an enterprise is yellow, orange and red, rising.
/// </summary>
public sealed record RiskWeightsRequest(
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? MajorHazardLevel1,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? MajorHazardLevel2,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? MajorHazardLevel3,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? MajorHazardLevel4,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? RiskPointRed,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? RiskPointOrange,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? RiskPointYellow,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? RiskPointBlue,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? OpenGeneralDanger,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? OpenMajorDanger,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? OverdueGeneralDanger,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? OverdueMajorDanger,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? ScanAnomaly,
    [property: Bounded(0.0, RiskWeightsValidation.MaxPoints)] decimal? ScanAnomalyCap,
    [property: Bounded(0.01, RiskWeightsValidation.MaxThreshold)] decimal? YellowFrom,
    [property: Bounded(0.01, RiskWeightsValidation.MaxThreshold)] decimal? OrangeFrom,
    [property: Bounded(0.01, RiskWeightsValidation.MaxThreshold)] decimal? RedFrom);

/// <summary>The weights in force, who set them and when (never set: the defaults).</summary>
public sealed record RiskWeightsResponse(
    decimal MajorHazardLevel1, decimal MajorHazardLevel2, decimal MajorHazardLevel3, decimal MajorHazardLevel4,
    decimal RiskPointRed, decimal RiskPointOrange, decimal RiskPointYellow, decimal RiskPointBlue,
    decimal OpenGeneralDanger, decimal OpenMajorDanger, decimal OverdueGeneralDanger, decimal OverdueMajorDanger,
    decimal ScanAnomaly, decimal ScanAnomalyCap, int AnomalyWindowDays, decimal YellowFrom, decimal OrangeFrom, decimal RedFrom,
    DateTime? UpdatedAt, string? UpdatedBy, int? Recomputed = null)
{
    public static RiskWeightsResponse From(RiskWeights w, int? recomputed = null) => new(
        N(w.MajorHazardLevel1), N(w.MajorHazardLevel2), N(w.MajorHazardLevel3), N(w.MajorHazardLevel4),
        N(w.RiskPointRed), N(w.RiskPointOrange), N(w.RiskPointYellow), N(w.RiskPointBlue),
        N(w.OpenGeneralDanger), N(w.OpenMajorDanger), N(w.OverdueGeneralDanger), N(w.OverdueMajorDanger),
        N(w.ScanAnomaly), N(w.ScanAnomalyCap), RiskWeights.AnomalyWindowDays, N(w.YellowFrom), N(w.OrangeFrom), N(w.RedFrom),
        w.UpdatedAt, w.UpdatedBy, recomputed);

    private static decimal N(decimal value) => Lec.Normalize(value);
}

/// <summary>An enterprise's level, its score and every term that makes it up, with the thresholds it was judged by.</summary>
public sealed record EnterpriseRiskResponse(
    Guid EnterpriseId, string EnterpriseName, string DistrictCode, decimal Score, RiskColour Level, string LevelColourName, string LevelName,
    IReadOnlyList<RiskTerm> Terms, RiskThresholds Thresholds, DateTime ComputedAt, DateTime? LevelSince);

public sealed record RiskThresholds(decimal YellowFrom, decimal OrangeFrom, decimal RedFrom);

/// <summary>One enterprise in the regulators' ranking: highest score first.</summary>
public sealed record RiskRankingEntry(
    int Rank, Guid EnterpriseId, string EnterpriseName, string DistrictCode, string DistrictName, decimal Score, RiskColour Level,
    string LevelColourName, string LevelName, DateTime LevelSince)
{
    public static RiskRankingEntry From(int rank, EnterpriseRisk r, Enterprise e) => new(
        rank, e.Id, e.Name, e.DistrictCode, Districts.Find(e.DistrictCode)?.Name ?? e.DistrictCode, Lec.Normalize(r.Score), r.Level,
        Lec.ColourName(r.Level), Lec.LevelName(r.Level), r.LevelSince);
}

public static class RiskWeightsValidation
{
    public const double MaxPoints = 100;
    public const double MaxThreshold = 1000;

    public static Dictionary<string, string[]> Validate(RiskWeightsRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        foreach (var (name, value) in Fields(r))
        {
            if (value is not { } v) errors[name] = ["Give every weight: an edit replaces the whole set (0 turns a term off)."];
            else if (decimal.Round(v, 2) != v) errors[name] = ["At most two decimals."];
        }
        if (r is { YellowFrom: { } y, OrangeFrom: { } o } && o <= y) errors.TryAdd("orangeFrom", [Rising("orangeFrom", o, "yellowFrom", y)]);
        if (r is { OrangeFrom: { } o2, RedFrom: { } red } && red <= o2) errors.TryAdd("redFrom", [Rising("redFrom", red, "orangeFrom", o2)]);
        return errors;
    }

    public static void Apply(RiskWeights w, RiskWeightsRequest r, DateTime now, string by)
    {
        (w.MajorHazardLevel1, w.MajorHazardLevel2, w.MajorHazardLevel3, w.MajorHazardLevel4) =
            (r.MajorHazardLevel1!.Value, r.MajorHazardLevel2!.Value, r.MajorHazardLevel3!.Value, r.MajorHazardLevel4!.Value);
        (w.RiskPointRed, w.RiskPointOrange, w.RiskPointYellow, w.RiskPointBlue) =
            (r.RiskPointRed!.Value, r.RiskPointOrange!.Value, r.RiskPointYellow!.Value, r.RiskPointBlue!.Value);
        (w.OpenGeneralDanger, w.OpenMajorDanger, w.OverdueGeneralDanger, w.OverdueMajorDanger) =
            (r.OpenGeneralDanger!.Value, r.OpenMajorDanger!.Value, r.OverdueGeneralDanger!.Value, r.OverdueMajorDanger!.Value);
        (w.ScanAnomaly, w.ScanAnomalyCap) = (r.ScanAnomaly!.Value, r.ScanAnomalyCap!.Value);
        (w.YellowFrom, w.OrangeFrom, w.RedFrom) = (r.YellowFrom!.Value, r.OrangeFrom!.Value, r.RedFrom!.Value);
        (w.UpdatedAt, w.UpdatedBy) = (now, by);
        w.Version++;
    }

    private static string Rising(string name, decimal value, string below, decimal under) =>
        string.Create(CultureInfo.InvariantCulture, $"{name} ({value}) must be above {below} ({under}): the thresholds rise from yellow to red.");

    private static IEnumerable<(string, decimal?)> Fields(RiskWeightsRequest r) =>
    [
        ("majorHazardLevel1", r.MajorHazardLevel1), ("majorHazardLevel2", r.MajorHazardLevel2), ("majorHazardLevel3", r.MajorHazardLevel3),
        ("majorHazardLevel4", r.MajorHazardLevel4), ("riskPointRed", r.RiskPointRed), ("riskPointOrange", r.RiskPointOrange),
        ("riskPointYellow", r.RiskPointYellow), ("riskPointBlue", r.RiskPointBlue), ("openGeneralDanger", r.OpenGeneralDanger),
        ("openMajorDanger", r.OpenMajorDanger), ("overdueGeneralDanger", r.OverdueGeneralDanger), ("overdueMajorDanger", r.OverdueMajorDanger),
        ("scanAnomaly", r.ScanAnomaly), ("scanAnomalyCap", r.ScanAnomalyCap), ("yellowFrom", r.YellowFrom), ("orangeFrom", r.OrangeFrom),
        ("redFrom", r.RedFrom),
    ];
}
