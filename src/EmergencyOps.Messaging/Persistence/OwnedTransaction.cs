using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>A transaction this code owns (commits it) or a savepoint in one it joined (releases it).</summary>
public sealed partial class OwnedTransaction : IAsyncDisposable
{
    private readonly DbContext _db;
    private readonly IDbContextTransaction _transaction;
    private readonly string? _savepoint;
    private readonly OwnedTransaction? _root;
    private readonly OwnedTransaction? _previous;
    private readonly bool _autoSavepoints;
    private readonly List<Func<Task>> _afterCommit = [];
    private Exception? _failure;
    private bool _committed;

    internal OwnedTransaction(DbContext db, IDbContextTransaction transaction, string? savepoint, OwnedTransaction? root, OwnedTransaction? previous)
    {
        (_db, _transaction, _savepoint, _root, _previous) = (db, transaction, savepoint, root, previous);
        _autoSavepoints = db.Database.AutoSavepointsEnabled;
        db.Database.AutoSavepointsEnabled = false;
    }

    internal bool Owned => _savepoint is null;

    internal bool Committed => _committed;

    /// <summary>The unit that was innermost on the context when this one began (committed or not).</summary>
    internal OwnedTransaction? Previous => _previous;

    /// <summary>The unit that owns the transaction, when this code opened it; null when it joined one opened directly.</summary>
    internal OwnedTransaction? Root => Owned ? this : _root;

    /// <summary>
    /// A SaveChanges failed (or was cancelled) inside this unit. Without EF's savepoint around it, its statements that
    /// ran before the failing one are still in the transaction, so the unit can only be rolled back: committing throws.
    /// </summary>
    public bool SaveFailed { get; private set; }

    internal void Fail(Exception? failure)
    {
        SaveFailed = true;
        _failure ??= failure;
    }

    /// <summary>
    /// Runs once the outermost transaction has committed (a cache refresh, say): never on rollback, and
    /// never while the database's write lock is still held.
    /// </summary>
    public void OnCommitted(Func<Task> action)
    {
        // Joined a transaction someone else opened directly: the best we can know is that our part is done.
        (Root ?? this)._afterCommit.Add(action);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (SaveFailed)
        {
            // The save's own failure inside: a lost race still reads as one (409) to whoever maps it.
            throw new InvalidOperationException("A save failed inside this unit of work; it can only be rolled back (dispose it without committing).", _failure);
        }
        if (Owned)
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        else
        {
            await _transaction.ReleaseSavepointAsync(_savepoint!, cancellationToken);
        }
        _committed = true;
        if (Root is null || Owned)
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
        try
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
                await _transaction.DisposeAsync();
            }
        }
        finally
        {
            if (TransactionExtensions.Close(_db, this))
            {
                _db.Database.AutoSavepointsEnabled = _autoSavepoints;
            }
        }
    }
}
