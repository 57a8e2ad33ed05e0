using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Messaging.Inbox;
using EmergencyOps.Messaging.Outbox;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using MassTransit;

namespace Inventory.API.Consumers;

/// <summary>
/// On an orange or red warning, reports the reserve readiness of the warned districts (their shortfalls
/// against the norms) for the operations centre. Exercises are reported too, marked by the warning id
/// the drill uses, since a drill is exactly when readiness is checked.
/// </summary>
public abstract class WarningReadinessConsumer<TMessage>(InventoryContext db, IEventOutbox outbox, TimeProvider clock, ILogger logger)
    : InboxConsumer<TMessage, InventoryContext>(db, clock, logger)
    where TMessage : class, EmergencyOps.Contracts.IIntegrationEvent
{
    protected abstract (Guid WarningId, WarningLevel Level, IReadOnlyList<string> Districts) Read(TMessage message);

    protected override async Task HandleAsync(ConsumeContext<TMessage> context)
    {
        var (warningId, level, districts) = Read(context.Message);
        if (level is not (WarningLevel.Orange or WarningLevel.Red))
        {
            return;
        }
        var codes = districts.ToList();
        // What is short right now, whether or not the low-stock alert has fired yet.
        var shortfalls = (await ReserveNorms.StatusAsync(Db, codes, context.CancellationToken))
            .Where(n => n.Available < n.Minimum)
            .Select(n => new ReadinessShortfall(n.WarehouseId, n.DistrictCode, n.MaterialCode, n.Minimum, n.Available)).ToList();
        // Kept as published, so the report can be read back by warning (GET /api/inventory/readiness?warningId=).
        Db.ReadinessReports.Add(new ReadinessReport
        {
            WarningId = warningId, DistrictCodes = string.Join(',', codes), Ready = shortfalls.Count == 0, At = Time.GetUtcNow().UtcDateTime,
            Shortfalls = [.. shortfalls.Select(s => new ReadinessReportLine { WarehouseId = s.WarehouseId, DistrictCode = s.DistrictCode, MaterialCode = s.MaterialCode, Minimum = s.Minimum, Available = s.Available })],
        });
        outbox.Add(new ReserveReadinessReported(Guid.NewGuid(), Time.GetUtcNow(), StockLedger.Source, context.Message.CorrelationId,
            warningId, codes, shortfalls.Count == 0, shortfalls));
    }
}

public sealed class WarningIssuedReadinessConsumer(InventoryContext db, IEventOutbox outbox, TimeProvider time, ILogger<WarningIssuedReadinessConsumer> logger)
    : WarningReadinessConsumer<WarningIssued>(db, outbox, time, logger)
{
    protected override (Guid, WarningLevel, IReadOnlyList<string>) Read(WarningIssued m) => (m.WarningId, m.Level, m.Area.DistrictCodes);
}

public sealed class WarningUpdatedReadinessConsumer(InventoryContext db, IEventOutbox outbox, TimeProvider time, ILogger<WarningUpdatedReadinessConsumer> logger)
    : WarningReadinessConsumer<WarningUpdated>(db, outbox, time, logger)
{
    protected override (Guid, WarningLevel, IReadOnlyList<string>) Read(WarningUpdated m) => (m.WarningId, m.Level, m.Area.DistrictCodes);
}
