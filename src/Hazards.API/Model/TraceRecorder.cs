using EmergencyOps.ServiceDefaults;
using EmergencyOps.Messaging.Idempotency;
using Hazards.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Model;

/// <summary>
/// The one place that appends to a trace (with repackaging's child code) or keeps a refused scan
/// as an anomaly, raising the matching events into the same unit of work.
/// </summary>
public sealed partial class TraceRecorder(HazardsContext db, HazardEvents events, ProductIssuer issuer, RiskModel risk, IHttpContextAccessor http, ILogger<TraceRecorder> logger)
{
    private string Actor => http.HttpContext?.User.ActorName() ?? "unknown";

    public async Task<ScanEvent> AppendAsync(Product product, Enterprise actor, ScanAttempt attempt, ScanRequest request, CancellationToken cancellationToken)
    {
        TraceRules.Apply(product, attempt);
        product.Version++;
        var scan = NewScan(product.Code, product.LastSequence, attempt, request, product.Remaining ?? 0, events.Now);
        if (attempt.Step == ScanStep.Repackaging)
        {
            var child = await RepackageAsync(product, actor, attempt, request, cancellationToken);
            scan.ChildCode = child.Code;
        }
        db.Scans.Add(scan);
        events.ScanRecorded(scan);
        return scan;
    }

    /// <summary>The repackaged quantity gets a child code of the repackager, commissioned at once, with the parent's current SDS and label.</summary>
    private async Task<Product> RepackageAsync(Product parent, Enterprise actor, ScanAttempt attempt, ScanRequest request, CancellationToken cancellationToken)
    {
        var chemical = await db.Chemicals.AsNoTracking().SingleAsync(c => c.Cas == parent.Cas, cancellationToken);
        var sds = await db.SdsRevisions.AsNoTracking().Where(r => r.ProductId == parent.Id).OrderByDescending(r => r.Revision).FirstAsync(cancellationToken);
        var label = await db.LabelRevisions.AsNoTracking().Where(r => r.ProductId == parent.Id).OrderByDescending(r => r.Revision).FirstAsync(cancellationToken);
        var template = new Product { Code = "", ParentCode = parent.Code, Cas = parent.Cas, TradeName = parent.TradeName, Concentration = parent.Concentration, Packaging = parent.Packaging };
        var now = events.Now;
        var child = await issuer.IssueAsync(actor, chemical, template,
            new SdsRevision { Sections = [.. sds.Sections], RevisedAt = now, RevisedBy = Actor },
            new LabelRevision
            {
                NameZh = label.NameZh, NameEn = label.NameEn, Pictograms = [.. label.Pictograms], SignalWord = label.SignalWord, HazardStatements = [.. label.HazardStatements],
                PrecautionaryStatements = [.. label.PrecautionaryStatements], Supplier = label.Supplier, EmergencyPhone = label.EmergencyPhone, RevisedAt = now, RevisedBy = Actor,
            }, cancellationToken);
        var commissioning = attempt with { Step = ScanStep.Commissioning };
        TraceRules.Apply(child, commissioning);
        var first = NewScan(child.Code, child.LastSequence, commissioning, request with { Waybill = null }, child.Remaining ?? 0, now);
        db.Scans.Add(first);
        events.ScanRecorded(first);
        return child;
    }

    private static ScanEvent NewScan(string code, int sequence, ScanAttempt attempt, ScanRequest request, decimal remaining, DateTime now) => new()
    {
        Code = code, Sequence = sequence, Step = attempt.Step, ActorEnterpriseId = attempt.Actor, Latitude = request.Latitude, Longitude = request.Longitude,
        Address = request.Address?.Trim(), Quantity = attempt.Quantity, Unit = attempt.Unit, RemainingAfter = remaining, ScannedAt = attempt.ScannedAt,
        RecordedAt = now, Operator = request.Operator!.Trim(), Waybill = request.Waybill?.Trim(), ConsigneeEnterpriseId = attempt.Consignee,
    };

    /// <summary>
    /// Stores the refusal and its event, nothing of the scan: the product was only read. Inside an
    /// idempotent request the refusal is kept as the key's answer and commits with it, so a retry replays
    /// the refusal without a second anomaly.
    /// </summary>
    public async Task<ProblemHttpResult> RefuseAsync(Product product, Enterprise actor, ScanAttempt attempt, ScanRequest request, TraceViolation violation,
        CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var chemical = await db.Chemicals.AsNoTracking().SingleAsync(c => c.Cas == product.Cas, cancellationToken);
        var anomaly = new ScanAnomaly
        {
            Code = product.Code, Step = attempt.Step, Rule = violation.Rule, Detail = violation.Detail, ActorEnterpriseId = actor.Id, DistrictCode = actor.DistrictCode, Quantity = attempt.Quantity,
            Unit = attempt.Unit, ScannedAt = attempt.ScannedAt, DetectedAt = events.Now, Operator = request.Operator!.Trim(),
        };
        db.Anomalies.Add(anomaly);
        events.ScanAnomalyDetected(anomaly, product, chemical, actor, request.Latitude, request.Longitude);
        await risk.SaveAsync(cancellationToken); // an anomaly weighs on the actor's risk level
        // Only once the anomaly is saved: a save that lost a race keeps nothing, and its 409 must not become the key's answer.
        http.HttpContext?.KeepRefusalAsAnswer();
        LogRefused(logger, product.Code, TraceRules.Name(attempt.Step), violation.Rule, actor.Id);
        return TypedResults.Problem(violation.Detail, statusCode: violation.Status, title: "Scan refused",
            extensions: new Dictionary<string, object?> { ["rule"] = violation.Rule, ["code"] = product.Code, ["step"] = TraceRules.Name(attempt.Step), ["anomalyId"] = anomaly.Id });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scan of {Code} refused ({Step} by {Actor}): {Rule}; kept as an anomaly")]
    private static partial void LogRefused(ILogger logger, string code, string step, string rule, Guid actor);
}
