using System.Data.Common;
using EmergencyOps.Messaging.Persistence.WriteGate;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Begins a context's <see cref="DeferredTransaction"/> at its first write: before SaveChanges (which then runs in it) and
/// before a write statement sent outside a transaction (which is then given it). Reads pass untouched. Registered ahead of
/// the SQLite write gate's interceptors, so the gate sees the write inside the transaction, not as a write of its own.
/// </summary>
internal sealed class DeferredTransactionInterceptor : SaveChangesInterceptor, IDbCommandInterceptor
{
    public static readonly DeferredTransactionInterceptor Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null)
        {
            DeferredTransaction.Waiting(db)?.Begin();
        }
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null && DeferredTransaction.Waiting(db) is { } deferred)
        {
            await deferred.BeginAsync(cancellationToken);
        }
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Join(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await JoinAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Join(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await JoinAsync(command, eventData, cancellationToken);
        return result;
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Join(command, eventData);
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await JoinAsync(command, eventData, cancellationToken);
        return result;
    }

    private static void Join(DbCommand command, CommandEventData eventData)
    {
        if (Deferred(command, eventData) is { } deferred)
        {
            deferred.Begin();
            command.Transaction = eventData.Context!.Database.CurrentTransaction!.GetDbTransaction();
        }
    }

    private static async ValueTask JoinAsync(DbCommand command, CommandEventData eventData, CancellationToken cancellationToken)
    {
        if (Deferred(command, eventData) is { } deferred)
        {
            await deferred.BeginAsync(cancellationToken);
            command.Transaction = eventData.Context!.Database.CurrentTransaction!.GetDbTransaction();
        }
    }

    private static DeferredTransaction? Deferred(DbCommand command, CommandEventData eventData) =>
        command.Transaction is null && eventData.Context is { } db && DeferredTransaction.Waiting(db) is { } deferred
            && WriteStatement.IsWrite(command.CommandText) ? deferred : null;
}
