using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Inbox;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Consumers;

/// <summary>Remembers an issued warning, so stock can be reserved for it.</summary>
public sealed class WarningIssuedKnownConsumer(InventoryContext db, TimeProvider time, ILogger<WarningIssuedKnownConsumer> logger)
    : InboxConsumer<WarningIssued, InventoryContext>(db, time, logger)
{
    protected override Task HandleAsync(ConsumeContext<WarningIssued> context) =>
        KnownWarning.HeardAsync(Db, context.Message.WarningId, context.Message.Version, context.Message.Exercise, Time.GetUtcNow().UtcDateTime, context.CancellationToken);
}

/// <summary>Remembers an updated warning too: its issue may have been sent before inventory listened.</summary>
public sealed class WarningUpdatedKnownConsumer(InventoryContext db, TimeProvider time, ILogger<WarningUpdatedKnownConsumer> logger)
    : InboxConsumer<WarningUpdated, InventoryContext>(db, time, logger)
{
    protected override Task HandleAsync(ConsumeContext<WarningUpdated> context) =>
        KnownWarning.HeardAsync(Db, context.Message.WarningId, context.Message.Version, context.Message.Exercise, Time.GetUtcNow().UtcDateTime, context.CancellationToken);
}

/// <summary>
/// Marks a warning ended and releases what is left of its reservations, each published and written to the
/// ledger, in one transaction with the inbox row.
/// </summary>
public sealed class WarningEndedConsumer(
    InventoryContext db, ReservationBook book, CorrelationContext correlation, TimeProvider time, ILogger<WarningEndedConsumer> logger)
    : InboxConsumer<WarningEnded, InventoryContext>(db, time, logger)
{
    /// <summary>The ledger's actor for a release no person asked for.</summary>
    public const string Actor = "inventory (warning ended)";

    protected override async Task HandleAsync(ConsumeContext<WarningEnded> context)
    {
        var ended = context.Message;
        correlation.CorrelationId = ended.CorrelationId;
        await KnownWarning.EndAsync(Db, ended, Time.GetUtcNow().UtcDateTime, context.CancellationToken);
        // Saved before the reservations are read: a reservation racing with this end either committed first (and is
        // released here) or checks the warning after its own write and sees it ended.
        await Db.SaveChangesAsync(context.CancellationToken);
        var open = await Db.Reservations.Where(r => r.WarningId == ended.WarningId && !r.Released).ToListAsync(context.CancellationToken);
        foreach (var reservation in open.OrderBy(r => r.CreatedAt))
        {
            await book.ReleaseAsync(reservation, ReservationReleaseCause.WarningEnded, Actor, context.CancellationToken);
        }
    }
}
