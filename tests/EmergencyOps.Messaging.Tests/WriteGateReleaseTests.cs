using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Tests;

/// <summary>
/// However a unit of work ends, the turn to write passes on exactly once; work already holding it never waits for it
/// again. Each database here tells a writer it is busy after 5 s, so a turn that never passed on fails the next
/// writer instead of hanging the test.
/// </summary>
public sealed class WriteGateReleaseTests
{
    [Fact]
    public async Task A_transaction_disposed_without_commit_passes_the_turn_on_and_keeps_nothing()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        await using (var db = database.Open())
        {
            await using var transaction = await db.BeginOrJoinTransactionAsync();
            db.Notes.Add(new Note { Text = "refused" });
            await db.SaveChangesAsync();
        }

        await database.IncrementAsync("after", "after a refusal");

        Assert.Equal(1, await database.NotesAsync());
        Assert.Equal(0, database.Waiting);
    }

    [Fact]
    public async Task A_transaction_rolled_back_explicitly_passes_the_turn_on()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        await using (var db = database.Open())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Notes.Add(new Note { Text = "rolled back" });
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            // The context stays in use after its rollback: its next write queues again like any other.
            db.ChangeTracker.Clear();
            db.Notes.Add(new Note { Text = "after the rollback, same context" });
            await db.SaveChangesAsync();
        }

        await database.IncrementAsync("after", "after a rollback");

        Assert.Equal(2, await database.NotesAsync());
    }

    [Fact]
    public async Task A_transaction_whose_write_failed_passes_the_turn_on()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        await database.IncrementAsync("taken", "first");

        await Assert.ThrowsAsync<DbUpdateException>(() => database.InContextAsync(async db =>
        {
            await using var transaction = await db.BeginOrJoinTransactionAsync();
            db.Counters.Add(new Counter { Name = "taken" });
            return await db.SaveChangesAsync();
        }));

        Assert.Equal(2, await database.IncrementAsync("taken", "after a failed write"));
    }

    [Fact]
    public async Task A_failed_write_outside_a_transaction_passes_the_turn_on()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        await database.IncrementAsync("taken", "first");

        var failed = await Assert.ThrowsAsync<SqliteException>(() => database.InContextAsync(db =>
            db.Database.ExecuteSqlRawAsync("INSERT INTO Counters (Name, Value) VALUES ('taken', 0)")));

        Assert.Equal(19, failed.SqliteErrorCode); // constraint: the write ran and failed, it did not wait
        Assert.Equal(2, await database.IncrementAsync("taken", "after a failed insert"));
    }

    [Fact]
    public async Task A_context_disposed_with_its_transaction_still_open_passes_the_turn_on()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        var db = database.Open();
        _ = await db.Database.BeginTransactionAsync(); // never disposed by the code that began it
        db.Notes.Add(new Note { Text = "abandoned" });
        await db.SaveChangesAsync();
        await db.DisposeAsync();

        await database.IncrementAsync("after", "after an abandoned transaction");

        Assert.Equal(1, await database.NotesAsync());
    }

    [Fact]
    public async Task A_writer_cancelled_while_queued_leaves_the_queue_and_takes_no_turn()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        using var cancel = new CancellationTokenSource();
        Task cancelled;
        await using (var holder = database.Open())
        {
            await using var holding = await holder.BeginOrJoinTransactionAsync();
            cancelled = database.InContextAsync(async db =>
            {
                await using var transaction = await db.BeginOrJoinTransactionAsync(cancel.Token);
                return 0;
            });
            await Eventually.TrueAsync(() => Task.FromResult(database.Waiting == 1), "the writer to queue");
            await cancel.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
            Assert.Equal(0, database.Waiting);
            await holding.CommitAsync();
        }

        Assert.Equal(1, await database.IncrementAsync("after", "after a cancelled writer"));
    }

    [Fact]
    public async Task A_nested_unit_joins_without_waiting_and_work_after_the_commit_runs_once_the_turn_has_passed_on()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        await using var db = database.Open();

        await using (var outer = await db.BeginOrJoinTransactionAsync())
        {
            await using (var inner = await db.BeginOrJoinTransactionAsync())
            {
                db.Notes.Add(new Note { Text = "inner" });
                await db.SaveChangesAsync();
                // Writes through another connection: were the turn still held, it would wait for itself and be told busy.
                inner.OnCommitted(() => database.IncrementAsync("after-commit", "written after the commit"));
                await inner.CommitAsync();
            }
            db.Notes.Add(new Note { Text = "outer" });
            await db.SaveChangesAsync();
            await outer.CommitAsync();
        }

        Assert.Equal(1, await database.CounterAsync("after-commit"));
        Assert.Equal(3, await database.NotesAsync());
    }

    [Fact]
    public async Task Work_that_holds_the_turn_and_writes_through_a_second_connection_is_told_busy_rather_than_hanging()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 1);
        await using var first = database.Open();
        await using var holding = await first.BeginOrJoinTransactionAsync();

        var busy = await Assert.ThrowsAsync<SqliteException>(() => database.IncrementAsync("second", "through a second connection"));

        Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY, as SQLite itself answers after its timeout: mapped to 503
        first.Notes.Add(new Note { Text = "the first connection still writes" });
        await first.SaveChangesAsync();
        await holding.CommitAsync();
        Assert.Equal(1, await database.NotesAsync());
    }
}
