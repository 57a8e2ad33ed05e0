using EmergencyOps.Contracts.Hazards;
using EmergencyOps.ServiceDefaults.Input;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Model;

/// <summary>A risk point as the enterprise keeps it; L, E and C come from the LEC tables (<see cref="Lec"/>).</summary>
public sealed record RiskPointRequest(
    [property: Text(NameLength)] string? Name,
    [property: OneOf(typeof(RiskPointKind))] string? Kind,
    [property: TextList(MaxRiskItems, RiskItemLength)] IReadOnlyList<string>? Hazards,
    [property: TextList(MaxRiskItems, RiskItemLength)] IReadOnlyList<string>? Measures,
    [property: OneOf(typeof(ResponsibleLevel))] string? ResponsibleLevel,
    [property: Bounded(MinL, MaxL)] decimal? L,
    [property: Bounded(MinE, MaxE)] decimal? E,
    [property: Bounded(MinC, MaxC)] decimal? C);

/// <summary>A risk point with its grade: D = L × E × C, the colour, and the colour and risk level in Chinese.</summary>
public sealed record RiskPointResponse(
    Guid Id, Guid EnterpriseId, string Name, RiskPointKind Kind, IReadOnlyList<string> Hazards, IReadOnlyList<string> Measures,
    ResponsibleLevel ResponsibleLevel, decimal L, decimal E, decimal C, decimal D, RiskColour Colour, string ColourName, string LevelName,
    DateTime CreatedAt, DateTime UpdatedAt, int Version)
{
    public static RiskPointResponse From(RiskPoint p) => new(
        p.Id, p.EnterpriseId, p.Name, p.Kind, p.Hazards, p.Measures, p.ResponsibleLevel, Lec.Normalize(p.L), Lec.Normalize(p.E), Lec.Normalize(p.C), Lec.Normalize(p.D), p.Colour,
        Lec.ColourName(p.Colour), Lec.LevelName(p.Colour), p.CreatedAt, p.UpdatedAt, p.Version);
}

/// <summary>Field-by-field checks; every message names the field (camelCase, as in the JSON).</summary>
public static class RiskPointValidation
{
    public static Dictionary<string, string[]> Validate(RiskPointRequest r)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > NameLength) Fail("name", $"A name of 1 to {NameLength} characters is required.");
        if (!EnumNames.TryParse<RiskPointKind>(r.Kind, out _)) Fail("kind", $"Kind is one of: {EnumNames.List<RiskPointKind>()}.");
        if (r.Hazards is not { Count: > 0 }) Fail("hazards", "List the hazards of the risk point (危险有害因素), at least one.");
        if (r.Measures is not { Count: > 0 }) Fail("measures", "List the control measures (管控措施), at least one.");
        if (!EnumNames.TryParse<ResponsibleLevel>(r.ResponsibleLevel, out _))
        {
            Fail("responsibleLevel", $"The responsible level is one of: {EnumNames.List<ResponsibleLevel>()}.");
        }
        if (Lec.OnTable(Lec.L, r.L) is null) Fail("l", $"L (likelihood) is one of {Lec.Describe(Lec.L)}{Given(r.L)}.");
        if (Lec.OnTable(Lec.E, r.E) is null) Fail("e", $"E (exposure) is one of {Lec.Describe(Lec.E)}{Given(r.E)}.");
        if (Lec.OnTable(Lec.C, r.C) is null) Fail("c", $"C (consequence) is one of {Lec.Describe(Lec.C)}{Given(r.C)}.");
        return errors;
    }

    /// <summary>Copies a validated request onto the risk point and grades it.</summary>
    public static void Assign(RiskPoint point, RiskPointRequest r, DateTime now)
    {
        point.Name = r.Name!.Trim();
        point.Kind = EnumNames.TryParse<RiskPointKind>(r.Kind, out var kind) ? kind : throw new InvalidOperationException("The kind was validated before.");
        point.ResponsibleLevel = EnumNames.TryParse<ResponsibleLevel>(r.ResponsibleLevel, out var level) ? level
            : throw new InvalidOperationException("The level was validated before.");
        point.Hazards = [.. r.Hazards!.Select(h => h.Trim())];
        point.Measures = [.. r.Measures!.Select(m => m.Trim())];
        (point.L, point.E, point.C) = (Lec.OnTable(Lec.L, r.L)!.Value, Lec.OnTable(Lec.E, r.E)!.Value, Lec.OnTable(Lec.C, r.C)!.Value);
        point.D = Lec.D(point.L, point.E, point.C);
        point.Colour = Lec.Colour(point.D);
        point.UpdatedAt = now;
        point.Version++;
    }

    private static string Given(decimal? value) =>
        value is { } v ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" ({v} given)") : " (required)";
}
