using EmergencyOps.Contracts.Hazards;
using EmergencyOps.ServiceDefaults.Input;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Model;

public sealed record UnitSubstanceRequest(
    [property: Text(CasLength)] string? Cas,
    [property: Bounded(0.0, MaxTonnes)] decimal? MaxTonnes);

public sealed record UnitRequest(
    [property: OneOf(typeof(UnitKind))] string? Kind,
    [property: Text(NameLength)] string? Name,
    [property: Bounded(0, MaxPeople)] int? PeopleOutside,
    [property: Items(MaxSubstances)] IReadOnlyList<UnitSubstanceRequest>? Substances);

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

        if (!EnumNames.TryParse<UnitKind>(r.Kind, out _)) Fail("kind", $"Kind is one of: {EnumNames.List<UnitKind>()}.");
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > NameLength) Fail("name", $"A name of 1 to {NameLength} characters is required.");
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
