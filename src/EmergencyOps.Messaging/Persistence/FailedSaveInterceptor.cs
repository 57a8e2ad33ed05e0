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

    private static void Mark(DbContextEventData eventData)
    {
        if (eventData.Context is { } db)
        {
            TransactionExtensions.SaveFailedIn(db);
        }
    }
}
