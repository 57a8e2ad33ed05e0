using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmergencyOps.Messaging.Persistence;

public static class TransactionExtensions
{
    /// <summary>
    /// Starts a transaction, or joins the one already open on this context (an idempotent request or an
    /// inbox consumer opens one around the handler) behind a savepoint. Disposed without a commit, it
    /// undoes exactly this unit's writes and forgets its pending changes, so a refused request leaves
    /// nothing behind even when the outer transaction commits (to store the refusal, say).
    /// </summary>
    public static async Task<OwnedTransaction> BeginOrJoinTransactionAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is { } outer)
        {
            var savepoint = "unit_" + Guid.NewGuid().ToString("N")[..12];
            await outer.CreateSavepointAsync(savepoint, cancellationToken);
            return new OwnedTransaction(db, outer, owned: false, savepoint);
        }
        return new OwnedTransaction(db, await db.Database.BeginTransactionAsync(cancellationToken), owned: true, savepoint: null);
    }
}

/// <summary>A transaction this code owns (commits it) or a savepoint in one it joined (releases it).</summary>
public sealed class OwnedTransaction(DbContext db, IDbContextTransaction transaction, bool owned, string? savepoint) : IAsyncDisposable
{
    private bool _committed;

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (owned)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await transaction.ReleaseSavepointAsync(savepoint!, cancellationToken);
        }
        _committed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            if (!owned)
            {
                await transaction.RollbackToSavepointAsync(savepoint!);
            }
            db.ChangeTracker.Clear();
        }
        if (owned)
        {
            await transaction.DisposeAsync();
        }
    }
}
