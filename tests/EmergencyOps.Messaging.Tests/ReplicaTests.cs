using EmergencyOps.Messaging.Outbox;
using EmergencyOps.Testing;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Tests;

/// <summary>Replicas of one service share its database: they start on it together and send each stored event once.</summary>
public sealed class ReplicaTests : IAsyncLifetime
{
    private readonly string _prefix = TestInfrastructure.UniquePrefix("replicas");
    private MessageRecorder _recorder = null!;

    public async Task InitializeAsync() => _recorder = await new MessageRecorder(_prefix).Record<NoteWritten>().StartAsync();

    public async Task DisposeAsync() => await _recorder.DisposeAsync();

    [Fact]
    public async Task Two_replicas_starting_together_on_a_new_file_both_come_up_on_one_schema()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("replicas");

        // On pool threads: SQLite's async calls complete synchronously, which would start them one after another.
        var hosts = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq))));
        try
        {
            await hosts[0].InScopeAsync(async (db, _) => { db.Notes.Add(new Note { Text = "pump station 7 on standby" }); return await db.SaveChangesAsync(); });
            foreach (var host in hosts)
            {
                Assert.Equal(["pump station 7 on standby"], await host.InScopeAsync((db, _) => db.Notes.Select(n => n.Text).ToListAsync()));
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Events_stored_by_either_of_two_replicas_are_each_published_exactly_once()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("replicas");
        await using var first = await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq);
        await using var second = await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq);

        // Bursts from both at once: each replica is woken by its own commits and polls for the other's.
        var written = (await Task.WhenAll(Enumerable.Range(0, 120).Select(i => (i % 2 == 0 ? first : second).WriteNoteAsync($"levee segment {i} inspected"))))
            .Select(e => e.EventId).ToHashSet();

        await Eventually.TrueAsync(() => _recorder.Received<NoteWritten>().Select(m => m.Message.EventId).Count(written.Contains) >= written.Count,
            "every stored event on the broker", TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(async () => await first.InScopeAsync((db, _) => db.Set<OutboxMessage>().AllAsync(m => m.SentAt != null)), "every row marked sent");
        // Late duplicates would arrive within the poll interval of the slower replica.
        await Task.WhenAll(first.WriteNoteAsync("marker from the first"), second.WriteNoteAsync("marker from the second"));
        await Eventually.TrueAsync(() => _recorder.Received<NoteWritten>().Count(m => m.Message.Text.StartsWith("marker", StringComparison.Ordinal)) == 2, "both markers");

        var received = _recorder.Received<NoteWritten>().Select(m => m.Message.EventId).Where(written.Contains).ToList();
        Assert.Equal(written.Count, received.Count);
        Assert.Equal(written.Order(), received.Order());
        // Given back once there is nothing to send, so the replica that stores the next event can send it at once.
        await Eventually.TrueAsync(async () => await first.InScopeAsync((db, _) => db.Set<OutboxLease>().AsNoTracking().SingleAsync()) is { Holder: null },
            "the dispatch lease to be released");
    }

    [Fact]
    public async Task A_replica_that_cannot_reach_the_broker_gives_the_lease_back_to_one_that_can()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("replicas");
        await using var cut = await TestHost.StartAsync(database, _prefix, TestHost.BrokerAt(TestHost.UnusedPort()));
        var written = await cut.WriteNoteAsync("stored by the replica cut off from the broker");
        await Eventually.TrueAsync(async () => await cut.OutboxRowAsync(written.EventId) is { Attempts: > 0 }, "a failed publish by that replica",
            TimeSpan.FromSeconds(60));

        // The cut-off replica keeps trying; had it kept the lease through its failures, nobody would send the event.
        await using var connected = await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq);
        var received = await _recorder.WaitForAsync<NoteWritten>(m => m.EventId == written.EventId, TimeSpan.FromSeconds(60));
        Assert.Equal(written, received.Message);
        await Eventually.TrueAsync(async () => await connected.OutboxRowAsync(written.EventId) is { SentAt: not null }, "the row marked sent");
        Assert.Single(_recorder.Received<NoteWritten>(), m => m.Message.EventId == written.EventId);
    }
}
