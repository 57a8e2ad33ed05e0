using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmergencyOps.Messaging.Persistence.WriteGate;

/// <summary>
/// Wraps the transactions that hold a file's turn. EF's interceptors see commit and rollback but not a transaction
/// disposed without either (a refused request, an exception, a duplicate message); EF clears a transaction on all
/// three paths, after SQLite has committed or rolled back, so the turn passes on exactly there.
/// </summary>
internal sealed class GatedTransactionFactory(RelationalTransactionFactoryDependencies dependencies) : RelationalTransactionFactory(dependencies)
{
    public override RelationalTransaction Create(
        IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
        IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned) =>
        SqliteWriteGate.TakeOver(transaction) is { } lease
            ? new GatedTransaction(connection, transaction, transactionId, logger, transactionOwned, Dependencies.SqlGenerationHelper, lease)
            : base.Create(connection, transaction, transactionId, logger, transactionOwned);
}

internal sealed class GatedTransaction(
    IRelationalConnection connection, DbTransaction transaction, Guid transactionId,
    IDiagnosticsLogger<DbLoggerCategory.Database.Transaction> logger, bool transactionOwned,
    ISqlGenerationHelper sqlGenerationHelper, WriteLease lease)
    : RelationalTransaction(connection, transaction, transactionId, logger, transactionOwned, sqlGenerationHelper)
{
    protected override void ClearTransaction()
    {
        try
        {
            base.ClearTransaction();
        }
        finally
        {
            lease.Release();
        }
    }

    protected override async Task ClearTransactionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await base.ClearTransactionAsync(cancellationToken);
        }
        finally
        {
            lease.Release();
        }
    }
}
