using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmergencyOps.Messaging.Persistence;

public static class TransactionExtensions
{
    /// <summary>
    /// Starts a transaction, or joins the one already open on this context (an idempotent request or an
    /// inbox consumer opens one around the handler); only the owner commits.
    /// </summary>
    public static async Task<OwnedTransaction> BeginOrJoinTransactionAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.CurrentTransaction is not null
            ? new OwnedTransaction(null)
            : new OwnedTransaction(await db.Database.BeginTransactionAsync(cancellationToken));
    }
}

/// <summary>A transaction this code owns (commits and disposes), or a joined one (left to its owner).</summary>
public sealed class OwnedTransaction(IDbContextTransaction? owned) : IAsyncDisposable
{
    public Task CommitAsync(CancellationToken cancellationToken = default) =>
        owned?.CommitAsync(cancellationToken) ?? Task.CompletedTask;

    public ValueTask DisposeAsync() => owned?.DisposeAsync() ?? ValueTask.CompletedTask;
}
