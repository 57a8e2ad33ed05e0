using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Testing;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Tests;

/// <summary>
/// A deferred transaction (an idempotent request's) holds no write lock while its work only reads, begins at the first
/// write of any kind, and keeps everything written after that as one: committed together or undone together.
/// </summary>
public sealed class DeferredTransactionTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Reads_before_the_first_write_hold_no_lock_so_another_writer_commits_meanwhile()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        await using var db = database.Open();
        await using var deferred = await DeferredTransaction.DeferAsync(db, CancellationToken.None);

        Assert.Equal(0, await db.Notes.CountAsync());
        // Would wait for the lock (and time out after 5 s) if the deferred transaction held it.
        Assert.Equal(1, await database.IncrementAsync("other", "another writer").WaitAsync(Deadline));
        Assert.Null(deferred.Begun);
        Assert.Null(db.Database.CurrentTransaction);
    }

    [Fact]
    public async Task SaveChanges_begins_it_and_disposing_without_commit_undoes_every_write_after()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        Task<int> other;
        await using (var db = database.Open())
        {
            await using var deferred = await DeferredTransaction.DeferAsync(db, CancellationToken.None);
            db.Notes.Add(new Note { Text = "saved" });
            await db.SaveChangesAsync();
            Assert.NotNull(deferred.Begun);
            await db.Counters.Where(c => c.Name == "none").ExecuteDeleteAsync();
            db.Notes.Add(new Note { Text = "saved later" });
            await db.SaveChangesAsync();
            // The lock is held from the first write: another writer waits.
            other = database.IncrementAsync("other", "waits");
            await Eventually.TrueAsync(() => database.Waiting == 1, "the other writer queued", Deadline);
            Assert.False(other.IsCompleted);
        }

        Assert.Equal(1, await other.WaitAsync(Deadline));
        Assert.Equal(["waits"], await database.InContextAsync(db => db.Notes.Select(n => n.Text).ToListAsync()));
        Assert.Equal(0, database.Waiting);
    }

    [Fact]
    public async Task A_write_statement_outside_SaveChanges_runs_inside_it_and_commits_with_the_rest()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        await database.IncrementAsync("counter", "first");
        await using (var db = database.Open())
        {
            await using var deferred = await DeferredTransaction.DeferAsync(db, CancellationToken.None);
            Assert.Equal(1, await db.Counters.Where(c => c.Name == "counter").ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 10)));
            var transaction = Assert.IsType<OwnedTransaction>(deferred.Begun);
            db.Notes.Add(new Note { Text = "with the update" });
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        await using (var db = database.Open())
        {
            await using var deferred = await DeferredTransaction.DeferAsync(db, CancellationToken.None);
            await db.Counters.Where(c => c.Name == "counter").ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 100));
            // Disposed without a commit: the update is undone.
        }

        Assert.Equal(11, await database.CounterAsync("counter"));
        Assert.Equal(["first", "with the update"], await database.InContextAsync(db => db.Notes.OrderBy(n => n.Text).Select(n => n.Text).ToListAsync()));
    }

    [Fact]
    public async Task A_unit_of_work_joins_it_and_its_refusal_undoes_only_its_own_writes()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 5);
        await using (var db = database.Open())
        {
            await using var deferred = await DeferredTransaction.DeferAsync(db, CancellationToken.None);
            await using (var unit = await db.BeginOrJoinTransactionAsync())
            {
                db.Notes.Add(new Note { Text = "refused" });
                await db.SaveChangesAsync();
                // Not committed: a refusal.
            }
            var outer = Assert.IsType<OwnedTransaction>(deferred.Begun);
            db.Notes.Add(new Note { Text = "kept" });
            await db.SaveChangesAsync();
            await outer.CommitAsync();
        }

        Assert.Equal(["kept"], await database.InContextAsync(db => db.Notes.Select(n => n.Text).ToListAsync()));
    }
}
