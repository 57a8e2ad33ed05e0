using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmergencyOps.Messaging.Outbox;

/// <summary>
/// Signals the dispatcher once events are durable: after SaveChanges when no explicit transaction is
/// open, or after the explicit transaction commits (never on rollback).
/// </summary>
internal sealed class OutboxCommitInterceptor(OutboxSignal signal) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null && HasUnsentEvents(db))
        {
            signal.Notify();
        }
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is { } db && db.Database.CurrentTransaction is null && HasUnsentEvents(db))
        {
            signal.Notify();
        }
        return base.SavedChanges(eventData, result);
    }

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        if (eventData.Context is { } db && HasUnsentEvents(db))
        {
            signal.Notify();
        }
    }

    private static bool HasUnsentEvents(DbContext db) =>
        db.ChangeTracker.Entries<OutboxMessage>().Any(e => e.Entity.SentAt is null);
}
