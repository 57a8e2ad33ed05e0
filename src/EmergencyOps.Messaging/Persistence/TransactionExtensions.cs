using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Messaging.Persistence;

public static class TransactionExtensions
{
    // The transaction that owns each context's current unit of work, so joined units can defer work to its commit.
    private static readonly ConditionalWeakTable<DbContext, OwnedTransaction> Owners = [];

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
            return new OwnedTransaction(db, outer, savepoint, Owners.TryGetValue(db, out var owner) ? owner : null);
        }
        var owned = new OwnedTransaction(db, await db.Database.BeginTransactionAsync(cancellationToken), savepoint: null, root: null);
        Owners.AddOrUpdate(db, owned);
        return owned;
    }

    internal static void Forget(DbContext db, OwnedTransaction owned)
    {
        if (Owners.TryGetValue(db, out var current) && ReferenceEquals(current, owned))
        {
            Owners.Remove(db);
        }
    }
}

/// <summary>A transaction this code owns (commits it) or a savepoint in one it joined (releases it).</summary>
public sealed partial class OwnedTransaction : IAsyncDisposable
{
    private readonly DbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly string? _savepoint;
    private readonly OwnedTransaction? _root;
    private readonly List<Func<Task>> _afterCommit = [];
    private bool _committed;

    internal OwnedTransaction(DbContext db, IDbContextTransaction transaction, string? savepoint, OwnedTransaction? root)
    {
        (_db, _transaction, _savepoint, _root) = (db, transaction, savepoint, root);
    }

    private bool Owned => _savepoint is null;

    /// <summary>
    /// Runs once the outermost transaction has committed (a cache refresh, say): never on rollback, and
    /// never while the database's write lock is still held.
    /// </summary>
    public void OnCommitted(Func<Task> action)
    {
        if (Owned)
        {
            _afterCommit.Add(action);
        }
        else if (_root is not null)
        {
            _root._afterCommit.Add(action);
        }
        else
        {
            // Joined a transaction someone else opened directly: the best we can know is that our part is done.
            _afterCommit.Add(action);
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (Owned)
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await _transaction.ReleaseSavepointAsync(_savepoint!, cancellationToken);
        }
        _committed = true;
        if (Owned || _root is null)
        {
            await RunAfterCommitAsync();
        }
    }

    // The data is committed and the caller will be told so: a failing cache refresh or notification is logged, never
    // turned into an error for a request whose effect already happened (the next reconcile or read repairs it).
    private async Task RunAfterCommitAsync()
    {
        var actions = _afterCommit.ToList();
        _afterCommit.Clear();
        foreach (var action in actions)
        {
            try
            {
                await action();
            }
            catch (Exception ex)
            {
                LogAfterCommitFailed(Logger(), ex);
            }
        }
    }

    private ILogger Logger() => _db.GetService<ILoggerFactory>().CreateLogger<OwnedTransaction>();

    [LoggerMessage(Level = LogLevel.Error, Message = "Work scheduled after a commit failed; the committed data stands")]
    private static partial void LogAfterCommitFailed(ILogger logger, Exception exception);

    public async ValueTask DisposeAsync()
    {
        if (!_committed)
        {
            if (!Owned)
            {
                await _transaction.RollbackToSavepointAsync(_savepoint!);
            }
            _db.ChangeTracker.Clear();
        }
        if (Owned)
        {
            TransactionExtensions.Forget(_db, this);
            await _transaction.DisposeAsync();
        }
    }
}
