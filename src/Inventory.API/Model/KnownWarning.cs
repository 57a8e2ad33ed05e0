using EmergencyOps.Contracts.Warnings;
using Inventory.API.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Model;

/// <summary>
/// A warning inventory has heard of on the bus. Stock is reserved only for a warning that is known and
/// not over, and a warning's reservations are released when it ends.
/// </summary>
public class KnownWarning
{
    public Guid WarningId { get; set; }

    public int Version { get; set; }

    public bool Exercise { get; set; }

    public DateTime HeardAt { get; set; }

    /// <summary>Set once the warning ended; an issue or update that arrives later never reopens it.</summary>
    public DateTime? EndedAt { get; set; }

    public WarningEndReason? EndReason { get; set; }

    public bool Open => EndedAt is null;

    /// <summary>Records an issued or updated version, in the consumer's transaction.</summary>
    public static async Task HeardAsync(InventoryContext db, Guid warningId, int version, bool exercise, DateTime at, CancellationToken cancellationToken)
    {
        var known = await db.KnownWarnings.SingleOrDefaultAsync(w => w.WarningId == warningId, cancellationToken);
        if (known is null)
        {
            db.KnownWarnings.Add(new KnownWarning { WarningId = warningId, Version = version, Exercise = exercise, HeardAt = at });
        }
        else if (version > known.Version)
        {
            known.Version = version;
        }
    }

    /// <summary>Marks the warning ended (heard of or not: its issue may still be on its way) and returns it.</summary>
    public static async Task<KnownWarning> EndAsync(InventoryContext db, WarningEnded ended, DateTime at, CancellationToken cancellationToken)
    {
        var known = await db.KnownWarnings.SingleOrDefaultAsync(w => w.WarningId == ended.WarningId, cancellationToken);
        if (known is null)
        {
            known = new KnownWarning { WarningId = ended.WarningId, Exercise = ended.Exercise, HeardAt = at };
            db.KnownWarnings.Add(known);
        }
        known.Version = Math.Max(known.Version, ended.Version);
        known.EndedAt ??= ended.OccurredAt.UtcDateTime;
        known.EndReason ??= ended.Reason;
        return known;
    }

    /// <summary>Why a reservation for <paramref name="warningId"/> cannot be made, or null when it can.</summary>
    public static async Task<string?> RefusalAsync(InventoryContext db, Guid warningId, CancellationToken cancellationToken)
    {
        var known = await db.KnownWarnings.AsNoTracking().SingleOrDefaultAsync(w => w.WarningId == warningId, cancellationToken);
        return known switch
        {
            null => $"Warning {warningId} is not known to inventory: no such warning, or its issue has not arrived yet (retry in a few seconds).",
            { Open: false } => $"Warning {warningId} ended ({known.EndReason?.ToString().ToLowerInvariant()}) at {known.EndedAt:yyyy-MM-ddTHH:mm:ssZ}; stock is not reserved for a warning that is over.",
            _ => null,
        };
    }
}
