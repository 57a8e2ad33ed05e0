using EmergencyOps.Contracts.Hazards;
using Hazards.API.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Hazards.API.Model;

/// <summary>
/// The enterprise risk model (风险预警模型): assesses an enterprise from its data and keeps its level current. Every save of
/// the registry that bears on a level goes through <see cref="SaveAsync"/>, which recomputes the enterprises the unit of work
/// touched inside the same transaction, after its writes: on SQLite the transaction already holds the write lock there, so
/// two requests at once cannot each judge without the other's danger; the level change and its event commit with the cause.
/// </summary>
public sealed class RiskModel(HazardsContext db, HazardEvents events)
{
    public async Task<RiskWeights> WeightsAsync(CancellationToken cancellationToken) =>
        await db.RiskWeights.AsNoTracking().SingleOrDefaultAsync(w => w.Id == RiskWeights.SingletonId, cancellationToken) ?? new RiskWeights();

    public async Task<RiskFacts> FactsAsync(Guid enterpriseId, CancellationToken cancellationToken)
    {
        var since = events.Now.AddDays(-RiskWeights.AnomalyWindowDays);
        // Levels and colours are stored by name: compared here, not in SQL, where "Level1" < "Level2" would hold by accident only.
        var hazards = await db.Units.AsNoTracking().Where(u => u.EnterpriseId == enterpriseId && u.IsMajorHazard && u.Level != null)
            .Select(u => u.Level!.Value).Distinct().ToListAsync(cancellationToken);
        var colours = await db.RiskPoints.AsNoTracking().Where(p => p.EnterpriseId == enterpriseId).Select(p => p.Colour).Distinct().ToListAsync(cancellationToken);
        // Open: verified and not yet closed. A citizen's report counts once a regulator has verified it.
        var open = await db.HiddenDangers.AsNoTracking()
            .Where(d => d.EnterpriseId == enterpriseId && d.State != HiddenDangerState.Reported && d.State != HiddenDangerState.Rejected && d.State != HiddenDangerState.Closed)
            .Select(d => new { d.Grade, Overdue = d.OverdueAt != null && d.State == HiddenDangerState.Rectifying }).ToListAsync(cancellationToken);
        var anomalies = await db.Anomalies.AsNoTracking().Where(a => a.ActorEnterpriseId == enterpriseId && a.DetectedAt > since)
            .Select(a => a.DetectedAt).ToListAsync(cancellationToken);
        return new RiskFacts(
            hazards.Count == 0 ? null : hazards.Min(), colours.Count == 0 ? null : colours.Max(),
            open.Count(d => d.Grade == HiddenDangerGrade.General), open.Count(d => d.Grade == HiddenDangerGrade.Major),
            open.Count(d => d.Overdue && d.Grade == HiddenDangerGrade.General), open.Count(d => d.Overdue && d.Grade == HiddenDangerGrade.Major),
            anomalies.Count, anomalies.Count == 0 ? null : anomalies.Min());
    }

    /// <summary>Saves the unit of work and then the levels of the enterprises it touched; call it inside a transaction.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        var touched = Touched(db.ChangeTracker);
        await db.SaveChangesAsync(cancellationToken);
        if (touched.Count > 0)
        {
            await RecomputeAsync(touched, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>Recomputes and stores each enterprise's level, raising <see cref="EnterpriseRiskLevelChanged"/> where the colour moved.</summary>
    public async Task RecomputeAsync(IReadOnlyCollection<Guid> enterpriseIds, CancellationToken cancellationToken)
    {
        var weights = await WeightsAsync(cancellationToken);
        foreach (var id in enterpriseIds)
        {
            var enterprise = await db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
            if (enterprise is null)
            {
                continue;
            }
            var facts = await FactsAsync(id, cancellationToken);
            var assessment = RiskAssessment.Assess(facts, weights);
            var row = await db.EnterpriseRisks.FindAsync([id], cancellationToken);
            var previous = row?.Level ?? RiskColour.Blue;
            if (row is null)
            {
                row = new EnterpriseRisk { EnterpriseId = id, Level = RiskColour.Blue, LevelSince = events.Now };
                db.EnterpriseRisks.Add(row);
            }
            (row.Score, row.Level, row.ComputedAt, row.DueAt) =
                (assessment.Score, assessment.Level, events.Now, facts.OldestAnomalyAt?.AddDays(RiskWeights.AnomalyWindowDays));
            row.Version++;
            if (assessment.Level != previous)
            {
                row.LevelSince = events.Now;
                events.EnterpriseRiskLevelChanged(enterprise, previous, assessment);
            }
        }
    }

    private static HashSet<Guid> Touched(ChangeTracker tracker)
    {
        HashSet<Guid> ids = [];
        foreach (var entry in tracker.Entries().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            Guid? id = entry.Entity switch
            {
                Enterprise e when entry.State == EntityState.Added => e.Id,
                HazardUnit u => u.EnterpriseId,
                RiskPoint p => p.EnterpriseId,
                HiddenDanger d => d.EnterpriseId,
                ScanAnomaly a => a.ActorEnterpriseId,
                _ => null,
            };
            if (id is { } value)
            {
                ids.Add(value);
            }
        }
        return ids;
    }
}
