using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Consumers;

/// <summary>
/// Keeps the major hazard sources the registry reports, so an anomaly there can raise a chemical-release warning; a grave
/// one graded under a warning in force raises a suggestion at once.
/// </summary>
public sealed class MajorHazardSourceClassifiedConsumer(
    WarningsContext db, HazardSiteReaction reaction, TimeProvider time, ILogger<MajorHazardSourceClassifiedConsumer> logger)
    : InboxConsumer<MajorHazardSourceClassified, WarningsContext>(db, time, logger)
{
    protected override async Task HandleAsync(ConsumeContext<MajorHazardSourceClassified> context)
    {
        var m = context.Message;
        var site = await Db.HazardSites.FindAsync([m.UnitId], context.CancellationToken);
        var previous = site?.Level;
        if (site is null)
        {
            site = new HazardSite { UnitId = m.UnitId, EnterpriseId = m.EnterpriseId, Name = m.UnitName, DistrictCode = m.DistrictCode };
            Db.HazardSites.Add(site);
        }
        (site.Name, site.DistrictCode, site.Latitude, site.Longitude, site.Level, site.R, site.UpdatedAt) =
            (TextRules.Fit($"{m.EnterpriseName} {m.UnitName}", WarningLimits.SiteName), m.DistrictCode, m.Latitude, m.Longitude, m.Level, m.R, Time.GetUtcNow().UtcDateTime);
        await reaction.ApplyAsync(site, previous, context.CancellationToken);
    }
}

public sealed class MajorHazardLevelChangedConsumer(
    WarningsContext db, HazardSiteReaction reaction, TimeProvider time, ILogger<MajorHazardLevelChangedConsumer> logger)
    : InboxConsumer<MajorHazardLevelChanged, WarningsContext>(db, time, logger)
{
    protected override async Task HandleAsync(ConsumeContext<MajorHazardLevelChanged> context)
    {
        var m = context.Message;
        if (await Db.HazardSites.FindAsync([m.UnitId], context.CancellationToken) is { } site)
        {
            var previous = site.Level;
            (site.Level, site.R, site.UpdatedAt) = (m.Level, m.R, Time.GetUtcNow().UtcDateTime);
            await reaction.ApplyAsync(site, previous, context.CancellationToken);
        }
    }
}

public sealed class MajorHazardSourceDeclassifiedConsumer(WarningsContext db, TimeProvider time, ILogger<MajorHazardSourceDeclassifiedConsumer> logger)
    : InboxConsumer<MajorHazardSourceDeclassified, WarningsContext>(db, time, logger)
{
    protected override Task HandleAsync(ConsumeContext<MajorHazardSourceDeclassified> context) =>
        Db.HazardSites.Where(s => s.UnitId == context.Message.UnitId).ExecuteDeleteAsync(context.CancellationToken);
}

/// <summary>
/// A refused scan at an enterprise with a major hazard source may be a chemical incident: it raises a
/// chemical-release suggestion (or warning, when configured) for a 1 km circle around the site, at the
/// level matching the source's grade. Anomalies elsewhere are the registry's business only.
/// </summary>
public sealed class ScanAnomalyDetectedConsumer(
    WarningsContext db, HazardReaction reaction, CorrelationContext correlation, TimeProvider time, ILogger<ScanAnomalyDetectedConsumer> logger)
    : InboxConsumer<ScanAnomalyDetected, WarningsContext>(db, time, logger)
{
    protected override async Task HandleAsync(ConsumeContext<ScanAnomalyDetected> context)
    {
        correlation.CorrelationId = context.Message.CorrelationId;
        await reaction.ApplyAsync(context.Message, context.CancellationToken);
    }
}

/// <summary>An enterprise's risk level rose to orange or red (一码推送): a warning is suggested for its location.</summary>
public sealed class EnterpriseRiskLevelChangedConsumer(
    WarningsContext db, EnterpriseRiskReaction reaction, TimeProvider time, ILogger<EnterpriseRiskLevelChangedConsumer> logger)
    : InboxConsumer<EnterpriseRiskLevelChanged, WarningsContext>(db, time, logger)
{
    protected override Task HandleAsync(ConsumeContext<EnterpriseRiskLevelChanged> context) => reaction.ApplyAsync(context.Message, context.CancellationToken);
}
