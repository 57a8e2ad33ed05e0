using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Outbox;

/// <summary>Takes, renews and gives back the dispatch lease with conditional updates, so two replicas never both hold it.</summary>
internal static class OutboxLeaseQueries
{
    public static async Task<bool> TryTakeLeaseAsync(this DbContext db, string holder, DateTime now, TimeSpan duration, CancellationToken cancellationToken)
    {
        var until = now + duration;
        var taken = await db.Set<OutboxLease>()
            .Where(l => l.Name == OutboxLease.Dispatch && (l.Holder == holder || l.ExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.ExpiresAt, until), cancellationToken);
        if (taken == 1)
        {
            return true;
        }
        // A database whose schema was applied without its seed rows would otherwise never dispatch.
        if (await db.Set<OutboxLease>().AnyAsync(l => l.Name == OutboxLease.Dispatch, cancellationToken))
        {
            return false;
        }
        db.Set<OutboxLease>().Add(new OutboxLease { Name = OutboxLease.Dispatch, Holder = holder, ExpiresAt = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    public static Task ReleaseLeaseAsync(this DbContext db, string holder) =>
        db.Set<OutboxLease>()
            .Where(l => l.Name == OutboxLease.Dispatch && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.ExpiresAt, DateTime.UnixEpoch), CancellationToken.None);
}
