using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Marks the unit of work a SaveChanges failed in (<see cref="OwnedTransaction.SaveFailed"/>), so code that catches the
/// failure and goes on cannot commit what ran of that save before it failed.
/// </summary>
internal sealed class FailedSaveInterceptor : SaveChangesInterceptor
{
    public static FailedSaveInterceptor Instance { get; } = new();

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Mark(eventData);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Mark(eventData);
        return Task.CompletedTask;
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Mark(eventData);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Mark(eventData);
        return Task.CompletedTask;
    }

    // A lost optimistic-concurrency check (a row changed or gone meanwhile) does not reach SaveChangesFailed: EF reports
    // it here only, before it throws.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Mark(eventData);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(
        ConcurrencyExceptionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Mark(eventData);
        return ValueTask.FromResult(result);
    }

    private static void Mark(DbContextEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            TransactionExtensions.SaveFailedIn(db, (eventData as DbContextErrorEventData)?.Exception);
        }
    }
}
