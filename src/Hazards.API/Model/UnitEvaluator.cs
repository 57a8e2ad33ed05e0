using System.Text.Json;
using EmergencyOps.Contracts.Hazards;
using Hazards.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Model;

/// <summary>Re-evaluates a unit after every change: stores the evaluation with its inputs and raises an event when its status moved.</summary>
public sealed class UnitEvaluator(HazardsContext db, HazardEvents events)
{
    public async Task<UnitEvaluation> EvaluateAsync(HazardUnit unit, Enterprise enterprise, string reason, CancellationToken cancellationToken)
    {
        var (wasMajor, previous) = (unit.IsMajorHazard, unit.Level);
        var cas = unit.Substances.Select(s => s.Cas).ToList();
        var chemicals = await db.Chemicals.AsNoTracking().Where(c => cas.Contains(c.Cas)).ToDictionaryAsync(c => c.Cas, cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, cancellationToken);
        var bands = await db.AlphaBands.AsNoTracking().ToListAsync(cancellationToken);
        var result = MajorHazardEvaluator.Evaluate(unit.Substances, unit.PeopleOutside, chemicals, categories, bands);

        (unit.S, unit.R, unit.IsMajorHazard, unit.Level, unit.EvaluatedAt) = (result.S, result.R, result.IsMajorHazard, result.Level, events.Now);
        unit.Version++;
        var evaluation = Record(unit, result, reason);
        events.MajorHazardStatusChanged(unit, enterprise, wasMajor, previous);
        return evaluation;
    }

    /// <summary>
    /// After the catalogue or the tables changed (saved, same transaction): re-evaluates the units
    /// holding <paramref name="cas"/>, or every unit when a table shared by all changed.
    /// </summary>
    public async Task<int> ReevaluateAsync(string? cas, string reason, CancellationToken cancellationToken)
    {
        var units = cas is null
            ? await db.Units.ToListAsync(cancellationToken)
            : await db.Units.Where(u => u.Substances.Any(s => s.Cas == cas)).ToListAsync(cancellationToken);
        var ids = units.Select(u => u.EnterpriseId).Distinct().ToList();
        var enterprises = await db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
        foreach (var unit in units)
        {
            await EvaluateAsync(unit, enterprises[unit.EnterpriseId], reason, cancellationToken);
        }
        return units.Count;
    }

    /// <summary>A removed unit is no longer a source: recorded with S = 0, and declassified if it was one.</summary>
    public void Removed(HazardUnit unit, Enterprise enterprise)
    {
        var (wasMajor, previous) = (unit.IsMajorHazard, unit.Level);
        (unit.S, unit.R, unit.IsMajorHazard, unit.Level) = (0, 0, false, null);
        db.Evaluations.Add(new UnitEvaluation
        {
            UnitId = unit.Id, EvaluatedAt = events.Now, Reason = "unit removed", PeopleOutside = unit.PeopleOutside, Alpha = 0, S = 0, R = 0,
            IsMajorHazard = false, Level = null, Edition = "", TermsJson = "[]",
        });
        events.MajorHazardStatusChanged(unit, enterprise, wasMajor, previous);
    }

    public static UnitEvaluationResponse Response(HazardUnit unit, UnitEvaluation e) => new(
        unit.Id, unit.Name, unit.Kind, e.PeopleOutside, JsonSerializer.Deserialize<List<HazardTerm>>(e.TermsJson, JsonSerializerOptions.Web) ?? [],
        e.S, e.IsMajorHazard, e.Alpha, e.R, e.Level, MajorHazardEvaluator.LevelName(e.Level), e.Edition, e.EvaluatedAt, e.Reason);

    private UnitEvaluation Record(HazardUnit unit, HazardEvaluation result, string reason)
    {
        var evaluation = new UnitEvaluation
        {
            UnitId = unit.Id, EvaluatedAt = events.Now, Reason = reason, PeopleOutside = result.PeopleOutside, Alpha = result.Alpha,
            S = result.S, R = result.R, IsMajorHazard = result.IsMajorHazard, Level = result.Level, Edition = result.Edition,
            TermsJson = JsonSerializer.Serialize(result.Terms, JsonSerializerOptions.Web),
        };
        db.Evaluations.Add(evaluation);
        return evaluation;
    }
}
