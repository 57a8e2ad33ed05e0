using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Persistence;

public static class TransactionExtensions
{
    // The innermost unit of work open on each context: joined units defer work to their root's commit, and a failed
    // save marks the unit it ran in.
    private static readonly ConditionalWeakTable<DbContext, OwnedTransaction> Open = [];

    /// <summary>
    /// Starts a transaction, or joins the one already open on this context (an idempotent request or an
    /// inbox consumer opens one around the handler) behind a savepoint. Disposed without a commit, it
    /// undoes exactly this unit's writes and forgets its pending changes, so a refused request leaves
    /// nothing behind even when the outer transaction commits (to store the refusal, say).
    /// </summary>
    /// <remarks>
    /// While a unit is open, EF's own savepoint around each SaveChanges is off: the unit is already the boundary a
    /// failed save rolls back to, and those two statements per save would run under the database's write lock. A save
    /// that fails inside the unit leaves it able only to roll back (<see cref="OwnedTransaction.SaveFailed"/>).
    /// </remarks>
    public static async Task<OwnedTransaction> BeginOrJoinTransactionAsync(this DbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var previous = Open.TryGetValue(db, out var innermost) ? innermost : null;
        var enclosing = InnermostOpen(db);
        OwnedTransaction unit;
        if (db.Database.CurrentTransaction is { } outer)
        {
            var savepoint = "unit_" + Guid.NewGuid().ToString("N")[..12];
            await outer.CreateSavepointAsync(savepoint, cancellationToken);
            unit = new OwnedTransaction(db, outer, savepoint, enclosing?.Root, previous);
        }
        else
        {
            unit = new OwnedTransaction(db, await db.Database.BeginTransactionAsync(cancellationToken), savepoint: null, root: null, previous);
        }
        Open.AddOrUpdate(db, unit);
        return unit;
    }

    /// <summary>Marks the innermost unit still open on <paramref name="db"/>: a save in it failed part way.</summary>
    internal static void SaveFailedIn(DbContext db, Exception? failure) => InnermostOpen(db)?.Fail(failure);

    // A unit that committed (released its savepoint) but is not yet disposed no longer contains what runs next.
    private static OwnedTransaction? InnermostOpen(DbContext db)
    {
        var unit = Open.TryGetValue(db, out var innermost) ? innermost : null;
        while (unit is { Committed: true })
        {
            unit = unit.Previous;
        }
        return unit;
    }

    /// <summary>
    /// Forgets an ending unit; true when it was the innermost, so it puts back the context's state as it found it. An owner
    /// always ends: disposed before a unit inside it (never in order), its transaction is gone and with it every unit inside.
    /// </summary>
    internal static bool Close(DbContext db, OwnedTransaction unit)
    {
        if (!unit.Owned && !(Open.TryGetValue(db, out var current) && ReferenceEquals(current, unit)))
        {
            return false;
        }
        if (unit.Previous is { } previous)
        {
            Open.AddOrUpdate(db, previous);
        }
        else
        {
            Open.Remove(db);
        }
        return true;
    }
}
