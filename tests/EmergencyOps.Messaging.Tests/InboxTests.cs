using System.Collections.Concurrent;
using EmergencyOps.Messaging.Inbox;
using EmergencyOps.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Tests;

public sealed class InboxTests : IAsyncLifetime
{
    private readonly string _prefix = TestInfrastructure.UniquePrefix("inbox");
    private MessageRecorder _recorder = null!;
    private TestHost _host = null!;
    private readonly ConsumedCounter _consumed = new();

    public async Task InitializeAsync()
    {
        _recorder = await new MessageRecorder(_prefix).Record<CounterApplied>().StartAsync();
        _host = await TestHost.StartAsync(TestInfrastructure.FreshSqliteConnectionString("inbox"), _prefix, TestInfrastructure.RabbitMq);
        _host.Bus.ConnectConsumeObserver(_consumed);
        await _host.WaitUntilBusReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _recorder.DisposeAsync();
    }

    [Fact]
    public async Task The_same_message_delivered_many_times_at_once_is_applied_once()
    {
        var duplicate = Increment("sandbags");
        var next = Increment("sandbags");

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => PublishAsync(duplicate)));
        await PublishAsync(next);
        await PublishAsync(duplicate);
        await Eventually.TrueAsync(() => _consumed.Count(duplicate.EventId) == 6 && _consumed.Count(next.EventId) == 1, "all seven deliveries to be consumed");

        var counter = await _host.InScopeAsync((db, _) => db.Counters.AsNoTracking().SingleAsync(c => c.Name == "sandbags"));
        Assert.Equal(2, counter.Value);
        var inbox = await _host.InScopeAsync((db, _) => db.Set<InboxMessage>().AsNoTracking().Select(m => m.MessageId).ToListAsync());
        Assert.Equal(1, inbox.Count(id => id == duplicate.EventId));
        Assert.Equal(1, inbox.Count(id => id == next.EventId));

        // The consumer's own events went out through the outbox exactly once per applied message.
        await Eventually.TrueAsync(() => _recorder.Received<CounterApplied>().Count(m => m.Message.Counter == "sandbags") == 2, "two CounterApplied events");
        Assert.Equal([1, 2], _recorder.Received<CounterApplied>().Where(m => m.Message.Counter == "sandbags").Select(m => m.Message.Value).Order());
        Assert.All(_recorder.Received<CounterApplied>(), m => Assert.Contains(m.Message.CorrelationId, new[] { duplicate.CorrelationId, next.CorrelationId }));
    }

    private static CounterIncremented Increment(string counter) => new(Guid.NewGuid(), DateTimeOffset.UtcNow, "tests", Guid.NewGuid(), counter);

    private Task PublishAsync(CounterIncremented message) =>
        _recorder.Bus.Publish(message, ctx => ctx.MessageId = message.EventId);

    private sealed class ConsumedCounter : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, int> _counts = new();

        public int Count(Guid messageId) => _counts.GetValueOrDefault(messageId);

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.MessageId is { } id)
            {
                _counts.AddOrUpdate(id, 1, (_, n) => n + 1);
            }
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
