using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmergencyOps.Messaging.Persistence.WriteGate;

/// <summary>
/// Every transaction EF begins on a SQLite file (explicit ones, SaveChanges' own, migrations') first waits for the
/// file's turn, then begins IMMEDIATE: the write lock comes with the turn, so a transaction that reads before it
/// writes never has to upgrade its lock later (where SQLite answers busy instead of waiting). The turn is released
/// by <see cref="GatedTransaction"/> when the transaction ends, however it ends. Savepoints in an open transaction
/// begin nothing and so never wait.
/// </summary>
internal sealed class WriteTransactionInterceptor : DbTransactionInterceptor
{
    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (result.HasResult || connection is not SqliteConnection sqlite)
        {
            return result;
        }
        return Begin(sqlite, eventData, SqliteWriteGate.Enter(sqlite, sqlite.DefaultTimeout, CancellationToken.None), result);
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (result.HasResult || connection is not SqliteConnection sqlite)
        {
            return result;
        }
        return Begin(sqlite, eventData, await SqliteWriteGate.EnterAsync(sqlite, sqlite.DefaultTimeout, cancellationToken), result);
    }

    // EF raises no event when BEGIN itself fails, so this begins the transaction here, where a failure can release the turn.
    private static InterceptionResult<DbTransaction> Begin(
        SqliteConnection connection, TransactionStartingEventData eventData, WriteLease? lease, InterceptionResult<DbTransaction> result)
    {
        if (lease is null)
        {
            return result;
        }
        try
        {
            var transaction = connection.BeginTransaction(eventData.IsolationLevel, deferred: false);
            SqliteWriteGate.HandOver(transaction, lease);
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            lease.Release();
            throw;
        }
    }
}
