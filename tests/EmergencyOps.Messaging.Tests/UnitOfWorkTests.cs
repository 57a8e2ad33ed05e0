using System.Data.Common;
using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmergencyOps.Messaging.Tests;

/// <summary>
/// A unit of work is the boundary a failed save rolls back to, so EF's own savepoint around each save inside one is off
/// (two statements fewer under the write lock), and a unit a save failed in can only roll back: what ran of that save
/// before it failed is never committed.
/// </summary>
public sealed class UnitOfWorkTests
{
    [Fact]
    public async Task A_save_inside_a_unit_takes_no_savepoint_of_its_own_and_a_save_after_the_unit_does_again()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        var savepoints = new SavepointCounter();
        var counted = new List<int>();
        await using (var db = database.Open(interceptor: savepoints))
        {
            await using var outer = await db.Database.BeginTransactionAsync();
            await using (var unit = await db.BeginOrJoinTransactionAsync())
            {
                counted.Add(savepoints.Count);
                db.Notes.Add(new Note { Text = "in the unit" });
                await db.SaveChangesAsync();
                counted.Add(savepoints.Count);
                await unit.CommitAsync();
            }
            Assert.True(db.Database.AutoSavepointsEnabled);
            db.Notes.Add(new Note { Text = "after the unit" });
            await db.SaveChangesAsync();
            counted.Add(savepoints.Count);
            await outer.CommitAsync();
        }

        // The unit's own savepoint; none around the save inside it; EF's around the save made after the unit ended.
        Assert.Equal([1, 1, 2], counted);
        Assert.Equal(["after the unit", "in the unit"], await database.InContextAsync(db => db.Notes.OrderBy(n => n.Text).Select(n => n.Text).ToListAsync()));
    }

    [Fact]
    public async Task A_unit_whose_save_failed_part_way_cannot_commit_and_keeps_nothing_once_disposed()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        var taken = Guid.NewGuid();
        await database.InContextAsync(db => AddAsync(db, new Note { Id = taken, Text = "before" }));
        await using (var db = database.Open())
        {
            await using var unit = await db.BeginOrJoinTransactionAsync();
            await AddAsync(db, new Note { Text = "saved first" });
            // One save: EF inserts the counter first (its table sorts first), then the note whose id is taken fails.
            db.Counters.Add(new Counter { Name = "inserted before the clash" });
            db.Notes.Add(new Note { Id = taken, Text = "clashes" });
            var failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Equal(1, await db.Counters.AsNoTracking().CountAsync()); // what ran of the failed save is in the transaction
            Assert.True(unit.SaveFailed);

            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => unit.CommitAsync());
            Assert.Contains("can only be rolled back", refused.Message, StringComparison.Ordinal);
            Assert.Same(failure, refused.InnerException);
        }

        Assert.Equal(["before"], await database.InContextAsync(db => db.Notes.Select(n => n.Text).ToListAsync()));
        Assert.Equal(0, await database.InContextAsync(db => db.Counters.CountAsync()));
        Assert.Equal(0, database.Waiting);
    }

    [Fact]
    public async Task A_lost_concurrency_check_marks_the_unit_it_ran_in_and_not_a_joined_unit_that_committed_before_it()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        await database.IncrementAsync("gone meanwhile", "before");
        await using (var db = database.Open())
        {
            await using var outer = await db.BeginOrJoinTransactionAsync();
            var counter = await db.Counters.SingleAsync(c => c.Name == "gone meanwhile");
            await using var inner = await db.BeginOrJoinTransactionAsync();
            await AddAsync(db, new Note { Text = "in the inner unit" });
            await inner.CommitAsync();
            // Deleted behind EF's back: its update then finds no row, which EF reports as a lost concurrency check.
            await db.Counters.Where(c => c.Name == "gone meanwhile").ExecuteDeleteAsync();
            counter.Value++;
            var failure = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

            Assert.False(inner.SaveFailed);
            Assert.True(outer.SaveFailed);
            Assert.Same(failure, (await Assert.ThrowsAsync<InvalidOperationException>(() => outer.CommitAsync())).InnerException);
        }

        Assert.Equal(1, await database.CounterAsync("gone meanwhile"));
        Assert.Equal(["before"], await database.InContextAsync(db => db.Notes.Select(n => n.Text).ToListAsync()));
    }

    [Fact]
    public async Task A_failed_save_in_a_joined_unit_is_undone_with_it_and_the_enclosing_unit_still_commits()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        await database.IncrementAsync("taken", "before");
        await using (var db = database.Open())
        {
            await using var outer = await db.BeginOrJoinTransactionAsync();
            db.Notes.Add(new Note { Text = "kept by the outer unit" });
            await db.SaveChangesAsync();
            await using (var inner = await db.BeginOrJoinTransactionAsync())
            {
                db.Notes.Add(new Note { Text = "undone with the inner unit" });
                db.Counters.Add(new Counter { Name = "taken" });
                await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
                Assert.True(inner.SaveFailed);
            }

            Assert.False(outer.SaveFailed);
            Assert.False(db.Database.AutoSavepointsEnabled);
            await outer.CommitAsync();
        }

        Assert.Equal(["before", "kept by the outer unit"], await database.InContextAsync(db => db.Notes.OrderBy(n => n.Text).Select(n => n.Text).ToListAsync()));
        Assert.Equal(1, await database.CounterAsync("taken"));
    }

    private static async Task<int> AddAsync(TestContext db, Note note)
    {
        db.Notes.Add(note);
        return await db.SaveChangesAsync();
    }

    private sealed class SavepointCounter : DbTransactionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public override ValueTask<InterceptionResult> CreatingSavepointAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _count);
            return base.CreatingSavepointAsync(transaction, eventData, result, cancellationToken);
        }

        public override InterceptionResult CreatingSavepoint(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            Interlocked.Increment(ref _count);
            return base.CreatingSavepoint(transaction, eventData, result);
        }
    }
}
