using EmergencyOps.Contracts.Hazards;

namespace Hazards.API.Model;

public sealed record UnitSubstanceRequest(string? Cas, decimal? MaxTonnes);

public sealed record UnitRequest(string? Kind, string? Name, int? PeopleOutside, IReadOnlyList<UnitSubstanceRequest>? Substances);

/// <summary>A unit's evaluation with every term, so a regulator can redo the arithmetic.</summary>
public sealed record UnitEvaluationResponse(
    Guid UnitId, string Name, UnitKind Kind, int PeopleOutside, IReadOnlyList<HazardTerm> Terms, decimal S, bool IsMajorHazard,
    decimal Alpha, decimal R, MajorHazardLevel? Level, string LevelName, string Edition, DateTime EvaluatedAt, string Reason);

public sealed record EnterpriseMajorHazards(Guid EnterpriseId, string EnterpriseName, string DistrictCode, string Edition, IReadOnlyList<UnitEvaluationResponse> Units);

public sealed record MajorHazardSourceResponse(Guid UnitId, string UnitName, UnitKind Kind, Guid EnterpriseId, string EnterpriseName, string DistrictCode,
    decimal S, decimal R, MajorHazardLevel Level, string LevelName, DateTime EvaluatedAt);

public static class UnitValidation
{
    public static Dictionary<string, string[]> Validate(UnitRequest r, IReadOnlyCollection<string> knownCas)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (!Enum.TryParse<UnitKind>(r.Kind, ignoreCase: true, out _) || int.TryParse(r.Kind, out _)) Fail("kind", "Kind is 'productionUnit', 'tankFarm' or 'store'.");
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 200) Fail("name", "A name of 1 to 200 characters is required.");
        if (r.PeopleOutside is not >= 0) Fail("peopleOutside", "The number of people within 500 m outside the site (0 or more) is required.");
        var substances = r.Substances ?? [];
        var badCas = substances.Where(s => !CasNumber.IsValid(s.Cas)).Select(s => s.Cas).ToList();
        var unknown = substances.Where(s => CasNumber.IsValid(s.Cas) && !knownCas.Contains(s.Cas!)).Select(s => s.Cas).ToList();
        if (substances.Count == 0) Fail("substances", "List the chemicals present with their maximum quantity q in tonnes.");
        else if (badCas.Count > 0) Fail("substances", $"Not valid CAS numbers: {string.Join(", ", badCas)}.");
        else if (unknown.Count > 0) Fail("substances", $"Not in the chemical catalogue: {string.Join(", ", unknown)}.");
        else if (substances.Select(s => s.Cas).Distinct().Count() != substances.Count) Fail("substances", "List each chemical once, with the unit's maximum quantity.");
        else if (substances.Any(s => s.MaxTonnes is not > 0)) Fail("substances", "Each maximum quantity q is more than 0 tonnes.");
        return errors;
    }
}
