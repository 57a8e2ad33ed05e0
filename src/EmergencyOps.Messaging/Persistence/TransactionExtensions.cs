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
        var enclosing = Open.TryGetValue(db, out var open) ? open : null;
        OwnedTransaction unit;
        if (db.Database.CurrentTransaction is { } outer)
        {
            var savepoint = "unit_" + Guid.NewGuid().ToString("N")[..12];
            await outer.CreateSavepointAsync(savepoint, cancellationToken);
            unit = new OwnedTransaction(db, outer, savepoint, enclosing?.Root, enclosing);
        }
        else
        {
            unit = new OwnedTransaction(db, await db.Database.BeginTransactionAsync(cancellationToken), savepoint: null, root: null, enclosing);
        }
        Open.AddOrUpdate(db, unit);
        return unit;
    }

    /// <summary>Marks the innermost open unit on <paramref name="db"/>: a save in it failed part way.</summary>
    internal static void SaveFailedIn(DbContext db)
    {
        if (Open.TryGetValue(db, out var unit))
        {
            unit.SaveFailed = true;
        }
    }

    internal static void Close(DbContext db, OwnedTransaction unit, OwnedTransaction? enclosing)
    {
        if (!Open.TryGetValue(db, out var current) || !ReferenceEquals(current, unit))
        {
            return;
        }
        if (enclosing is null)
        {
            Open.Remove(db);
        }
        else
        {
            Open.AddOrUpdate(db, enclosing);
        }
    }
}
