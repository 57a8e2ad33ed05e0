using EmergencyOps.Contracts.Hazards;

namespace Hazards.API.Model;

/// <summary>One chemical's contribution: where Q and β came from, and the two quotients.</summary>
public sealed record HazardTerm(string Cas, string Name, decimal Q, decimal CriticalQuantity, string CriticalQuantitySource,
    decimal Beta, string BetaSource, decimal QOverCritical, decimal BetaQOverCritical);

public sealed record HazardEvaluation(IReadOnlyList<HazardTerm> Terms, decimal S, decimal Alpha, int PeopleOutside, decimal R,
    bool IsMajorHazard, MajorHazardLevel? Level, string LevelName, string Edition);

/// <summary>
/// GB 18218-2018 identification (S = Σ q/Q ≥ 1) and grading (R = α Σ β q/Q). Decimal arithmetic
/// throughout; S and R are rounded to 6 places before they are compared, so three thirds make 1.
/// </summary>
public static class MajorHazardEvaluator
{
    private const int Places = 6;

    public static HazardEvaluation Evaluate(IReadOnlyList<UnitSubstance> substances, int peopleOutside,
        IReadOnlyDictionary<string, Chemical> chemicals, IReadOnlyDictionary<string, HazardCategory> categories, IReadOnlyList<AlphaBand> alphaBands)
    {
        // Sums of the unrounded quotients: only S and R themselves are rounded.
        var raw = substances.Select(s => Term(s, chemicals[s.Cas], categories)).ToList();
        var terms = raw.Select(t => t.Term).ToList();
        var s = Math.Round(raw.Sum(t => t.Quotient), Places);
        var band = alphaBands.OrderByDescending(b => b.MinPeople).First(b => peopleOutside >= b.MinPeople);
        var r = Math.Round(band.Alpha * raw.Sum(t => t.Beta * t.Quotient), Places);
        var major = s >= 1m;
        MajorHazardLevel? level = !major ? null : r >= 100 ? MajorHazardLevel.Level1 : r >= 50 ? MajorHazardLevel.Level2 : r >= 10 ? MajorHazardLevel.Level3 : MajorHazardLevel.Level4;
        return new HazardEvaluation(terms, s, band.Alpha, peopleOutside, r, major, level, LevelName(level), band.Edition);
    }

    public static string LevelName(MajorHazardLevel? level) => level switch
    {
        MajorHazardLevel.Level1 => "一级",
        MajorHazardLevel.Level2 => "二级",
        MajorHazardLevel.Level3 => "三级",
        MajorHazardLevel.Level4 => "四级",
        _ => "非重大危险源",
    };

    /// <summary>Q: the named Q of Table 1, else the smallest Q of its Table 2 categories. β: Table 3 for named toxic gases, else the largest Table 4 β of its categories, else 1.</summary>
    public static (decimal Q, string QSource, decimal Beta, string BetaSource)? Factors(Chemical chemical, IReadOnlyDictionary<string, HazardCategory> categories)
    {
        var known = chemical.Categories.Where(categories.ContainsKey).Select(c => categories[c]).ToList();
        var smallest = known.OrderBy(c => c.CriticalQuantity).FirstOrDefault();
        (decimal, string)? q = chemical.CriticalQuantity is { } named ? (named, "named (Table 1)")
            : smallest is not null ? (smallest.CriticalQuantity, $"category {smallest.Code} (Table 2)") : null;
        if (q is not { } critical)
        {
            return null;
        }
        var largestBeta = known.OrderByDescending(c => c.Beta).FirstOrDefault();
        var (beta, betaSource) = chemical.ToxicGasBeta is { } toxic ? (toxic, "named toxic gas (Table 3)")
            : largestBeta is not null ? (largestBeta.Beta, $"category {largestBeta.Code} (Table 4)") : (1m, "other (Table 4)");
        return (critical.Item1, critical.Item2, beta, betaSource);
    }

    private static (HazardTerm Term, decimal Quotient, decimal Beta) Term(UnitSubstance s, Chemical chemical, IReadOnlyDictionary<string, HazardCategory> categories)
    {
        var (critical, source, beta, betaSource) = Factors(chemical, categories)
            ?? throw new InvalidOperationException($"{chemical.Cas} has no critical quantity.");
        var quotient = s.MaxTonnes / critical;
        return (new HazardTerm(s.Cas, chemical.NameZh, s.MaxTonnes, critical, source, beta, betaSource,
            Math.Round(quotient, Places), Math.Round(beta * quotient, Places)), quotient, beta);
    }
}
