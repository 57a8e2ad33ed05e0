using EmergencyOps.ServiceDefaults.Input;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Model;

public sealed record PutChemicalRequest(
    [property: Text(UnNumberLength)] string? UnNumber,
    [property: Text(NameLength)] string? NameZh,
    [property: Text(NameLength)] string? NameEn,
    [property: TextList(MaxHazardClasses, HazardClassLength)] IReadOnlyList<string>? HazardClasses,
    [property: OneOf("GHS01", "GHS02", "GHS03", "GHS04", "GHS05", "GHS06", "GHS07", "GHS08", "GHS09"), Items(MaxPictograms)] IReadOnlyList<string>? Pictograms,
    [property: OneOf(Ghs.Danger, Ghs.Warning)] string? SignalWord,
    [property: TextList(MaxStatements, StatementLength)] IReadOnlyList<string>? HazardStatements,
    [property: Bounded(MinCriticalQuantity, MaxCriticalQuantity)] decimal? CriticalQuantity,
    [property: TextList(MaxCategories, CategoryCodeLength)] IReadOnlyList<string>? Categories,
    [property: Bounded(MinBeta, MaxBeta)] decimal? ToxicGasBeta);

/// <summary>A chemical with the GB 18218 factors that apply to it, and where each came from.</summary>
public sealed record ChemicalResponse(
    string Cas, string UnNumber, string NameZh, string NameEn, IReadOnlyList<string> HazardClasses, IReadOnlyList<string> Pictograms,
    string SignalWord, IReadOnlyList<string> HazardStatements, decimal? CriticalQuantity, IReadOnlyList<string> Categories, decimal? ToxicGasBeta,
    decimal? EffectiveCriticalQuantity, string? CriticalQuantitySource, decimal? Beta, string? BetaSource, string Edition)
{
    public static ChemicalResponse From(Chemical c, IReadOnlyDictionary<string, HazardCategory> categories)
    {
        var factors = MajorHazardEvaluator.Factors(c, categories);
        return new(c.Cas, c.UnNumber, c.NameZh, c.NameEn, c.HazardClasses, c.Pictograms, c.SignalWord, c.HazardStatements,
            c.CriticalQuantity, c.Categories, c.ToxicGasBeta, factors?.Q, factors?.QSource, factors?.Beta, factors?.BetaSource, c.Edition);
    }
}

public sealed record PutCategoryRequest(
    [property: Text(DescriptionLength)] string? Description,
    [property: Bounded(MinCriticalQuantity, MaxCriticalQuantity)] decimal? CriticalQuantity,
    [property: Bounded(MinBeta, MaxBeta)] decimal? Beta);

public sealed record AlphaBandRequest([property: Bounded(0, MaxPeople)] int? MinPeople, [property: Bounded(MinAlpha, MaxAlpha)] decimal? Alpha);

public sealed record PutAlphaBandsRequest([property: Items(MaxAlphaBands)] IReadOnlyList<AlphaBandRequest>? Bands);

public sealed record ToxicGasBeta(string Cas, string NameZh, decimal Beta);

/// <summary>The GB 18218 tables in force: Table 1 (named Q), Table 2 (categories' Q), Table 3 (named toxic gases' β), Table 4 (categories' β), α.</summary>
public sealed record StandardTablesResponse(
    string Edition, IReadOnlyList<ChemicalQuantity> NamedSubstances, IReadOnlyList<HazardCategory> Categories,
    IReadOnlyList<ToxicGasBeta> ToxicGases, IReadOnlyList<AlphaBand> AlphaBands, IReadOnlyList<LevelBand> Levels);

public sealed record ChemicalQuantity(string Cas, string NameZh, decimal CriticalQuantity);

public sealed record LevelBand(string Level, string Name, decimal MinR, decimal? BelowR);

public static class ChemicalValidation
{
    public static Dictionary<string, string[]> Validate(string cas, PutChemicalRequest r, IReadOnlyCollection<string> knownCategories)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (!CasNumber.IsValid(cas)) Fail("cas", CasNumber.Explain(cas));
        if (!UnNumber.IsValid(r.UnNumber)) Fail("unNumber", $"'{r.UnNumber}' is not a UN number ('UN' and four digits, e.g. UN1005).");
        if (string.IsNullOrWhiteSpace(r.NameZh)) Fail("nameZh", "The Chinese name is required.");
        if (string.IsNullOrWhiteSpace(r.NameEn)) Fail("nameEn", "The English name is required.");
        var badClasses = (r.HazardClasses ?? []).Where(c => !Ghs.IsClassification(c)).ToList();
        if (badClasses.Count > 0 || r.HazardClasses is not { Count: > 0 })
        {
            Fail("hazardClasses", $"GHS classifications as 'class:category' from the 28 classes ({string.Join(", ", Ghs.Classes)}); wrong: {string.Join(", ", badClasses)}.");
        }
        Ghs.Validate(r.Pictograms, r.SignalWord, r.HazardStatements, errors);
        if (r.CriticalQuantity is <= 0) Fail("criticalQuantity", "A critical quantity Q is more than 0 tonnes.");
        var unknown = (r.Categories ?? []).Except(knownCategories).ToList();
        if (unknown.Count > 0) Fail("categories", $"Unknown GB 18218 Table 2 categories: {string.Join(", ", unknown)}.");
        if (r.CriticalQuantity is null && r.Categories is not { Count: > 0 })
        {
            Fail("criticalQuantity", "Give a named critical quantity (Table 1) or at least one Table 2 category.");
        }
        if (r.ToxicGasBeta is <= 0) Fail("toxicGasBeta", "β is more than 0.");
        return errors;
    }

    public static void Apply(Chemical c, PutChemicalRequest r, string edition, DateTime now)
    {
        (c.UnNumber, c.NameZh, c.NameEn, c.SignalWord) = (r.UnNumber!, r.NameZh!.Trim(), r.NameEn!.Trim(), r.SignalWord!);
        (c.HazardClasses, c.Pictograms, c.HazardStatements, c.Categories) = ([.. r.HazardClasses!], [.. r.Pictograms ?? []], [.. r.HazardStatements!], [.. r.Categories ?? []]);
        (c.CriticalQuantity, c.ToxicGasBeta, c.Edition, c.UpdatedAt) = (r.CriticalQuantity, r.ToxicGasBeta, edition, now);
    }
}
