using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Outbox;

/// <summary>
/// One dispatcher's hold on the dispatch lease. Taken, or renewed once half of it has run; so a dispatcher that sends batch
/// after batch commits nothing for the lease in between, and one that finds nothing to send gives it back at once.
/// </summary>
internal sealed class HeldLease(TimeSpan duration)
{
    private readonly string _holder = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    // When the lease must be renewed; null while none is held.
    private DateTime? _renewAt;

    public bool Held => _renewAt is not null;

    public async Task<bool> HoldAsync(DbContext db, CancellationToken cancellationToken)
    {
        // Lease times are wall-clock times shared between processes, whatever clock the service runs on.
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        if (_renewAt is { } renewAt && now < renewAt)
        {
            return true;
        }
        _renewAt = await db.TryTakeLeaseAsync(_holder, now, duration, cancellationToken) ? now + duration / 2 : null;
        return Held;
    }

    public async Task ReleaseAsync(DbContext db)
    {
        if (_renewAt is null)
        {
            return;
        }
        _renewAt = null;
        await db.ReleaseLeaseAsync(_holder);
    }
}
