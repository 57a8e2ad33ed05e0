using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Outbox;

namespace Hazards.API.Model;

/// <summary>Raises the registry's integration events into the outbox of the current unit of work.</summary>
public sealed class HazardEvents(IEventOutbox outbox, CorrelationContext correlation, TimeProvider time)
{
    public const string Source = "hazards";

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public DateTimeOffset NowOffset => time.GetUtcNow();

    private (Guid Id, DateTimeOffset At, string Source, Guid Correlation) Envelope() => (Guid.NewGuid(), time.GetUtcNow(), Source, correlation.CorrelationId);

    public void EnterpriseRegistered(Enterprise e)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new EnterpriseRegistered(id, at, source, corr, e.Id, e.CreditCode, e.Name, e.DistrictCode, e.Latitude, e.Longitude));
    }

    public void ProductCoded(Product p, Chemical chemical, string resolveUrl)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new ProductCoded(id, at, source, corr, p.Id, p.Code, p.ParentCode, p.EnterpriseId, p.Cas, chemical.NameZh, p.TradeName, resolveUrl));
    }

    public void ScanRecorded(ScanEvent s)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new ScanRecorded(id, at, source, corr, s.Code, s.Sequence, TraceRules.Name(s.Step), s.ActorEnterpriseId, s.Quantity, s.Unit, s.ScannedAt, s.ChildCode));
    }

    public void ScanAnomalyDetected(ScanAnomaly a, Product product, Chemical chemical, Enterprise actor, double? latitude, double? longitude)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new ScanAnomalyDetected(id, at, source, corr, a.Code, TraceRules.Name(a.Step), a.Rule, a.Detail, a.ActorEnterpriseId,
            product.EnterpriseId, chemical.Cas, chemical.NameZh, actor.DistrictCode, latitude ?? actor.Latitude, longitude ?? actor.Longitude));
    }

    public void RiskListFiled(RiskList list, Enterprise enterprise)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new RiskListFiled(id, at, source, corr, enterprise.Id, enterprise.CreditCode, enterprise.Name, enterprise.DistrictCode, list.Version,
            list.Red + list.Orange + list.Yellow + list.Blue, list.Red, list.Orange, list.Yellow, list.Blue, list.Highest));
    }

    public void EnterpriseRiskLevelChanged(Enterprise e, RiskColour previous, RiskAssessment a)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new EnterpriseRiskLevelChanged(id, at, source, corr, e.Id, e.CreditCode, e.Name, e.DistrictCode, e.Latitude, e.Longitude,
            a.Level, previous, a.Score, [.. a.Terms.Where(t => t.Points != 0).Select(t => t.Describe())]));
    }

    public void HiddenDangerReported(HiddenDanger d, Enterprise e)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new HiddenDangerReported(id, at, source, corr, d.Id, e.Id, e.CreditCode, e.Name, e.DistrictCode, d.Source, d.Grade,
            [.. d.Criteria], d.Title, d.State != HiddenDangerState.Reported));
    }

    public void HiddenDangerVerified(HiddenDanger d, Enterprise e, string by)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new HiddenDangerVerified(id, at, source, corr, d.Id, e.Id, e.DistrictCode, d.Grade, by));
    }

    public void HiddenDangerRejected(HiddenDanger d, Enterprise e, string by)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new HiddenDangerRejected(id, at, source, corr, d.Id, e.Id, e.DistrictCode, by, d.RejectionReason!));
    }

    public void HiddenDangerListed(HiddenDanger d, Enterprise e)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new HiddenDangerListed(id, at, source, corr, d.Id, e.Id, e.Name, e.DistrictCode, d.SupervisingUnit!,
            new DateTimeOffset(d.SupervisionDeadline!.Value, TimeSpan.Zero), d.ListedBy!));
    }

    public void HiddenDangerClosed(HiddenDanger d, Enterprise e, string by)
    {
        var (id, at, source, corr) = Envelope();
        outbox.Add(new HiddenDangerClosed(id, at, source, corr, d.Id, e.Id, e.DistrictCode, d.Grade, by, d.Listed, d.OverdueAt is not null));
    }

    /// <summary>Classified, level changed or declassified when the unit's status moved; nothing when it did not.</summary>
    public void MajorHazardStatusChanged(HazardUnit unit, Enterprise enterprise, bool wasMajor, MajorHazardLevel? previous)
    {
        var (id, at, source, corr) = Envelope();
        if (!wasMajor && unit.IsMajorHazard)
        {
            outbox.Add(new MajorHazardSourceClassified(id, at, source, corr, unit.Id, unit.Name, enterprise.Id, enterprise.Name, enterprise.DistrictCode,
                enterprise.Latitude, enterprise.Longitude, unit.S, unit.R, unit.Level!.Value, [.. unit.Substances.Select(s => s.Cas)]));
        }
        else if (wasMajor && unit.IsMajorHazard && previous != unit.Level)
        {
            outbox.Add(new MajorHazardLevelChanged(id, at, source, corr, unit.Id, enterprise.Id, enterprise.DistrictCode, unit.S, unit.R, unit.Level!.Value, previous!.Value));
        }
        else if (wasMajor && !unit.IsMajorHazard)
        {
            outbox.Add(new MajorHazardSourceDeclassified(id, at, source, corr, unit.Id, enterprise.Id, enterprise.DistrictCode, unit.S, previous!.Value));
        }
    }
}
