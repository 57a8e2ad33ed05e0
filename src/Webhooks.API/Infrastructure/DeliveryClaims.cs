using Microsoft.EntityFrameworkCore;
using Webhooks.API.Model;

namespace Webhooks.API.Infrastructure;

/// <summary>
/// Claims due deliveries with a conditional UPDATE: only rows still pending, due and unleased (or whose lease expired,
/// as a crashed replica leaves them) take this claim's token, so two dispatchers never hold one delivery at once.
/// Lease times are wall-clock times shared between processes, whatever clock the service runs on.
/// </summary>
public static class DeliveryClaims
{
    /// <param name="db">The service's database.</param>
    /// <param name="limit">At most this many.</param>
    /// <param name="room">How many more sends an origin may take now (0 for one whose circuit is open or whose slots are full).</param>
    /// <param name="now">The service's time: what is due.</param>
    /// <param name="wall">Wall-clock now: which leases expired.</param>
    /// <param name="lease">How long the claim holds.</param>
    /// <param name="cancellationToken">Cancels the claim.</param>
    public static async Task<List<ClaimedDelivery>> ClaimAsync(
        WebhooksContext db, int limit, Func<string, int> room, DateTime now, DateTime wall, TimeSpan lease, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(room);
        var candidates = await db.Deliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < wall)
                && d.Subscription!.State == SubscriptionState.Active)
            .OrderBy(d => d.NextAttemptAt)
            .Select(d => new { d.Id, d.Subscription!.Origin })
            .Take(limit * 4)
            .ToListAsync(cancellationToken);
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var picked = new List<Guid>();
        foreach (var candidate in candidates)
        {
            var already = taken.GetValueOrDefault(candidate.Origin);
            if (picked.Count < limit && already < room(candidate.Origin))
            {
                picked.Add(candidate.Id);
                taken[candidate.Origin] = already + 1;
            }
        }
        if (picked.Count == 0)
        {
            return [];
        }
        var token = Guid.NewGuid();
        var until = wall + lease;
        // The conditions again: another dispatcher may have claimed, sent or rescheduled any of them since the read.
        await db.Deliveries
            .Where(d => picked.Contains(d.Id) && d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now && (d.LeaseUntil == null || d.LeaseUntil < wall))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseToken, token).SetProperty(d => d.LeaseUntil, until), cancellationToken);
        return await db.Deliveries.AsNoTracking().Where(d => d.LeaseToken == token)
            .Select(d => new ClaimedDelivery(d.Id, token, d.SubscriptionId, d.Subscription!.Url, d.Subscription.Origin, d.Subscription.AllowPrivateNetwork,
                d.EventType, d.Body, d.TraceParent, d.Attempts, d.Subscription.Secret, d.Subscription.PreviousSecret, d.Subscription.PreviousSecretExpiresAt))
            .ToListAsync(cancellationToken);
    }
}
