using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// A transaction promised to a piece of work but begun only at its context's first write: SaveChanges, a write statement
/// (ExecuteUpdate/ExecuteDelete) or a unit of work that joins it (<see cref="TransactionExtensions.BeginOrJoinTransactionAsync"/>).
/// The reads and checks before that run beside other writers instead of holding the database's write lock, and everything
/// written after it still commits, or rolls back, as one. <see cref="DeferredTransactionInterceptor"/> begins it.
/// </summary>
internal sealed class DeferredTransaction : IAsyncDisposable
{
    private static readonly ConditionalWeakTable<DbContext, DeferredTransaction> Pending = [];
    private readonly DbContext _db;
    private bool _disposed;

    private DeferredTransaction(DbContext db) => _db = db;

    /// <summary>The transaction once begun; null while nothing has been written.</summary>
    public OwnedTransaction? Begun { get; private set; }

    /// <summary>
    /// Defers the context's next transaction; where the context lacks the interceptor that would begin it at the first
    /// write (a context configured by hand), it begins now, so no write can escape it.
    /// </summary>
    public static async Task<DeferredTransaction> DeferAsync(DbContext db, CancellationToken cancellationToken)
    {
        var deferred = new DeferredTransaction(db);
        var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors;
        if (interceptors?.Contains(DeferredTransactionInterceptor.Instance) == true && db.Database.CurrentTransaction is null)
        {
            Pending.AddOrUpdate(db, deferred);
        }
        else
        {
            await deferred.BeginAsync(cancellationToken);
        }
        return deferred;
    }

    /// <summary>The deferred transaction of this context that has not begun yet, if any.</summary>
    public static DeferredTransaction? Waiting(DbContext db) => Pending.TryGetValue(db, out var deferred) && deferred.Begun is null ? deferred : null;

    public async Task<OwnedTransaction> BeginAsync(CancellationToken cancellationToken)
    {
        if (Begun is null)
        {
            Pending.Remove(_db);
            Begun = await _db.BeginOrJoinTransactionAsync(cancellationToken);
        }
        return Begun;
    }

    public OwnedTransaction Begin()
    {
        if (Begun is null)
        {
            Pending.Remove(_db);
            Begun = TransactionExtensions.BeginOwned(_db);
        }
        return Begun;
    }

    /// <summary>Rolls back what was begun and not committed; forgets the promise either way. A second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Pending.TryGetValue(_db, out var pending) && ReferenceEquals(pending, this))
        {
            Pending.Remove(_db);
        }
        if (Begun is { } begun && !_disposed)
        {
            _disposed = true;
            await begun.DisposeAsync();
        }
    }
}
