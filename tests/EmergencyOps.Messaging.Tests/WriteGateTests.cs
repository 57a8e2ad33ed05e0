using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Testing;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Tests;

/// <summary>This process's writers to one SQLite file queue for its write lock in arrival order instead of polling it.</summary>
public sealed class WriteGateTests
{
    [Fact]
    public async Task Many_concurrent_writers_of_every_kind_all_commit_and_no_update_is_lost()
    {
        var database = await GatedDatabase.CreateAsync();
        const int units = 64, inserts = 32, updates = 32, synchronous = 8;
        await database.InContextAsync(db => { db.Counters.Add(new Counter { Name = "updated", Value = 0 }); return db.SaveChangesAsync(); });

        var work = new List<Task>();
        for (var i = 0; i < units; i++)
        {
            var n = i;
            work.Add(Task.Run(() => database.IncrementAsync("units", $"unit {n}")));
        }
        for (var i = 0; i < inserts; i++)
        {
            var n = i;
            // One row and no explicit transaction: SQLite's own implicit transaction.
            work.Add(Task.Run(() => database.InContextAsync(db => { db.Notes.Add(new Note { Text = $"insert {n}" }); return db.SaveChangesAsync(); })));
        }
        for (var i = 0; i < updates; i++)
        {
            // As the outbox dispatcher marks rows sent: a set-based update outside any transaction.
            work.Add(Task.Run(() => database.InContextAsync(db =>
                db.Counters.Where(c => c.Name == "updated").ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, c => c.Value + 1)))));
        }
        for (var i = 0; i < synchronous; i++)
        {
            var n = i;
            work.Add(Task.Run(() =>
            {
                using var db = database.Open();
                using var transaction = db.Database.BeginTransaction();
                var value = GatedDatabase.NextAsync(db, "synchronous").GetAwaiter().GetResult();
                db.Notes.Add(new Note { Text = $"synchronous {n}", Reading = value });
                db.SaveChanges();
                transaction.Commit();
            }));
        }

        await Task.WhenAll(work);

        Assert.Equal(units, await database.CounterAsync("units"));
        Assert.Equal(updates, await database.CounterAsync("updated"));
        Assert.Equal(synchronous, await database.CounterAsync("synchronous"));
        Assert.Equal(units + inserts + synchronous, await database.NotesAsync());
        Assert.Equal(0, database.Waiting);
    }

    [Fact]
    public async Task Writers_get_the_lock_in_the_order_they_asked_for_it()
    {
        var database = await GatedDatabase.CreateAsync();
        const int writers = 16;
        List<Task<int>> queued = [];
        await using (var holder = database.Open())
        {
            await using var holding = await holder.BeginOrJoinTransactionAsync();
            for (var i = 0; i < writers; i++)
            {
                var n = i;
                queued.Add(Task.Run(() => database.IncrementAsync("order", $"{n}")));
                await Eventually.TrueAsync(() => Task.FromResult(database.Waiting == n + 1), $"writer {n} to queue");
            }
            await holding.CommitAsync();
        }

        var values = await Task.WhenAll(queued);

        // Writer n asked n-th, so it incremented n-th.
        Assert.Equal(Enumerable.Range(1, writers), values);
    }

    [Fact]
    public async Task Under_sustained_contention_no_writer_is_overtaken_by_more_than_the_others_waiting()
    {
        var database = await GatedDatabase.CreateAsync();
        const int writers = 24, rounds = 4;
        var commits = 0;
        var worst = 0;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var r = 0; r < rounds; r++)
            {
                var before = Volatile.Read(ref commits);
                await database.IncrementAsync("contended", $"{w}/{r}");
                var overtaken = Interlocked.Increment(ref commits) - before - 1;
                InterlockedMax(ref worst, overtaken);
            }
        })));

        Assert.Equal(writers * rounds, await database.CounterAsync("contended"));
        // In arrival order a writer waits at most for everyone already queued (and those that committed while it was
        // joining the queue); polling for the lock lets the lucky overtake the unlucky without bound.
        Assert.True(worst <= 2 * writers, $"a writer was overtaken {worst} times with {writers} writers");
    }

    [Fact]
    public async Task Readers_do_not_queue_behind_a_writer()
    {
        var database = await GatedDatabase.CreateAsync(timeoutSeconds: 2);
        await database.IncrementAsync("read", "committed");

        await using var writer = database.Open();
        await using var writing = await writer.BeginOrJoinTransactionAsync();
        writer.Notes.Add(new Note { Text = "not yet committed" });
        await writer.SaveChangesAsync();

        // WAL: the reader sees the last commit while the writer still holds the lock; queued, it would time out as busy.
        Assert.Equal(1, await database.NotesAsync());
        Assert.Equal(1, await database.CounterAsync("read"));
        await writing.CommitAsync();
        Assert.Equal(2, await database.NotesAsync());
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }
            current = seen;
        }
    }
}
