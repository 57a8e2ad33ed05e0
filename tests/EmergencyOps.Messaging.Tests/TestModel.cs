using EmergencyOps.Contracts;
using EmergencyOps.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Messaging.Tests;

public sealed record NoteWritten(Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId, Guid NoteId, string Text) : IIntegrationEvent
{
    public static NoteWritten For(Note note) => new(Guid.NewGuid(), DateTimeOffset.UtcNow, "tests", Guid.NewGuid(), note.Id, note.Text);
}

public sealed record CounterIncremented(Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId, string Counter) : IIntegrationEvent;

public sealed record CounterApplied(Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId, string Counter, int Value) : IIntegrationEvent;

public sealed class Note
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Text { get; set; }

    public double? Reading { get; set; }
}

public sealed class Counter
{
    public required string Name { get; set; }

    public int Value { get; set; }
}

public sealed class TestContext(DbContextOptions<TestContext> options) : DbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    public DbSet<Counter> Counters => Set<Counter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.Entity<Counter>().HasKey(c => c.Name);
    }
}

/// <summary>Changes state and raises an event through the outbox, as every real consumer will.</summary>
public sealed class CounterConsumer(TestContext db, Outbox.IEventOutbox outbox, TimeProvider time, ILogger<CounterConsumer> logger)
    : InboxConsumer<CounterIncremented, TestContext>(db, time, logger)
{
    protected override async Task HandleAsync(ConsumeContext<CounterIncremented> context)
    {
        var name = context.Message.Counter;
        var counter = await Db.Counters.FindAsync([name], context.CancellationToken);
        if (counter is null)
        {
            counter = new Counter { Name = name };
            Db.Counters.Add(counter);
        }
        counter.Value++;
        outbox.Add(new CounterApplied(Guid.NewGuid(), DateTimeOffset.UtcNow, "tests", context.Message.CorrelationId, name, counter.Value));
    }
}
