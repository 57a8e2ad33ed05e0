using EmergencyOps.Testing;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Tests;

public sealed class OutboxTests : IAsyncLifetime
{
    private readonly string _prefix = TestInfrastructure.UniquePrefix("outbox");
    private MessageRecorder _recorder = null!;

    public async Task InitializeAsync() => _recorder = await new MessageRecorder(_prefix).Record<NoteWritten>().StartAsync();

    public async Task DisposeAsync() => await _recorder.DisposeAsync();

    [Fact]
    public async Task Event_is_published_after_the_state_change_commits_and_marked_sent()
    {
        await using var host = await TestHost.StartAsync(TestInfrastructure.FreshSqliteConnectionString("outbox"), _prefix, TestInfrastructure.RabbitMq);

        var written = await host.WriteNoteAsync("levee inspection done");

        var received = await _recorder.WaitForAsync<NoteWritten>(m => m.EventId == written.EventId);
        Assert.Equal(written, received.Message);
        Assert.Equal(written.EventId, received.MessageId);
        Assert.Equal(written.CorrelationId, received.CorrelationId);
        var row = await Eventually.GetAsync(async () => await host.OutboxRowAsync(written.EventId) is { SentAt: not null } sent ? sent : null, "the outbox row to be marked sent");
        Assert.Equal(typeof(NoteWritten).FullName + ", EmergencyOps.Messaging.Tests", row.MessageType);
        Assert.Single(_recorder.Received<NoteWritten>(), m => m.Message.EventId == written.EventId);
    }

    [Fact]
    public async Task Event_is_never_published_when_its_transaction_rolls_back()
    {
        await using var host = await TestHost.StartAsync(TestInfrastructure.FreshSqliteConnectionString("outbox"), _prefix, TestInfrastructure.RabbitMq);
        var rolledBack = await host.InScopeAsync(async (db, outbox) =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var note = new Note { Text = "written in error" };
            var evt = NoteWritten.For(note);
            db.Notes.Add(note);
            outbox.Add(evt);
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
            return evt;
        });

        // Delivery is in outbox order: once a later event has arrived, an earlier one never will.
        var later = await host.WriteNoteAsync("written after the rollback");
        await _recorder.WaitForAsync<NoteWritten>(m => m.EventId == later.EventId);

        Assert.DoesNotContain(_recorder.Received<NoteWritten>(), m => m.Message.EventId == rolledBack.EventId);
        Assert.Null(await host.OutboxRowAsync(rolledBack.EventId));
        Assert.False(await host.InScopeAsync((db, _) => db.Notes.AnyAsync(n => n.Id == rolledBack.NoteId)));
    }

    [Fact]
    public async Task Event_written_while_the_broker_is_unreachable_is_published_when_it_returns()
    {
        await using var proxy = new TcpProxy(TestInfrastructure.RabbitMq.Port);
        proxy.Start();
        await using var host = await TestHost.StartAsync(TestInfrastructure.FreshSqliteConnectionString("outbox"), _prefix, TestHost.BrokerAt(proxy.Port));
        await host.WaitUntilBusReadyAsync();

        proxy.Stop();
        var written = await host.WriteNoteAsync("stored during the outage");

        // A generous deadline: on a loaded machine the bus may take a while to give up on the lost connection.
        // A row sent anyway ends the wait too, and fails below with what happened instead of a timeout.
        var pending = await Eventually.GetAsync(async () => await host.OutboxRowAsync(written.EventId) is { } row && (row.Attempts > 0 || row.SentAt is not null) ? row : null,
            "a failed publish attempt", TimeSpan.FromSeconds(60));
        Assert.Null(pending.SentAt);
        Assert.NotNull(pending.LastError);
        Assert.DoesNotContain(_recorder.Received<NoteWritten>(), m => m.Message.EventId == written.EventId);

        proxy.Start();
        var received = await _recorder.WaitForAsync<NoteWritten>(m => m.EventId == written.EventId, TimeSpan.FromSeconds(90));
        Assert.Equal(written, received.Message);
        await Eventually.TrueAsync(async () => await host.OutboxRowAsync(written.EventId) is { SentAt: not null }, "the row to be marked sent");
    }

    [Fact]
    public async Task Pending_event_survives_a_restart_and_is_published_by_the_next_process()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("outbox");
        NoteWritten written;
        await using (var first = await TestHost.StartAsync(database, _prefix, TestHost.BrokerAt(TestHost.UnusedPort())))
        {
            written = await first.WriteNoteAsync("accepted before the restart");
            await Eventually.TrueAsync(async () => await first.OutboxRowAsync(written.EventId) is { Attempts: > 0, SentAt: null }, "a failed publish attempt");
        }

        await using var second = await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq);
        var received = await _recorder.WaitForAsync<NoteWritten>(m => m.EventId == written.EventId, TimeSpan.FromSeconds(60));
        Assert.Equal(written, received.Message);
    }


}
