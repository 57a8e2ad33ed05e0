using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmergencyOps.Messaging.Persistence.WriteGate;

/// <summary>
/// A write outside any transaction (ExecuteUpdate/ExecuteDelete, a one-row SaveChanges) is a transaction of its own
/// in SQLite: it takes the file's turn too, or it would meet queued writers in the busy loop (and make the one at the
/// head sleep with everyone behind it). The turn is held until the statement is done: for a statement that returns
/// rows (INSERT ... RETURNING) that is when its reader is disposed.
/// </summary>
internal sealed class ImplicitWriteInterceptor : DbCommandInterceptor
{
    private static readonly ConditionalWeakTable<DbCommand, WriteLease> Leases = [];

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Enter(command, result.HasResult);
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, result.HasResult, cancellationToken);
        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Leave(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Leave(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Enter(command, result.HasResult);
        return result;
    }

    public override async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, result.HasResult, cancellationToken);
        return result;
    }

    public override InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        Leave(command);
        return result;
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Enter(command, result.HasResult);
        return result;
    }

    public override async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await EnterAsync(command, result.HasResult, cancellationToken);
        return result;
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Leave(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Leave(command);
        return ValueTask.FromResult(result);
    }

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Leave(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command);
        return Task.CompletedTask;
    }

    public override void CommandCanceled(DbCommand command, CommandEndEventData eventData) => Leave(command);

    public override Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Leave(command);
        return Task.CompletedTask;
    }

    private static void Enter(DbCommand command, bool suppressed)
    {
        if (!suppressed && ImplicitWriteConnection(command) is { } connection
            && SqliteWriteGate.Enter(connection, command.CommandTimeout, CancellationToken.None) is { } lease)
        {
            Leases.AddOrUpdate(command, lease);
        }
    }

    private static async ValueTask EnterAsync(DbCommand command, bool suppressed, CancellationToken cancellationToken)
    {
        if (!suppressed && ImplicitWriteConnection(command) is { } connection
            && await SqliteWriteGate.EnterAsync(connection, command.CommandTimeout, cancellationToken) is { } lease)
        {
            Leases.AddOrUpdate(command, lease);
        }
    }

    private static void Leave(DbCommand command)
    {
        if (Leases.TryGetValue(command, out var lease))
        {
            Leases.Remove(command);
            lease.Release();
        }
    }

    // Microsoft.Data.Sqlite refuses a command without the connection's open transaction, so no transaction means none is open.
    private static SqliteConnection? ImplicitWriteConnection(DbCommand command) =>
        command is { Transaction: null, Connection: SqliteConnection connection } && WriteStatement.IsWrite(command.CommandText) ? connection : null;
}
