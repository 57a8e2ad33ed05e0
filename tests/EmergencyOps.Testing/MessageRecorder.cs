using System.Collections.Concurrent;
using EmergencyOps.Messaging.Bus;
using MassTransit;

namespace EmergencyOps.Testing;

/// <summary>A message as it arrived on the broker, with the envelope ids consumers rely on.</summary>
public sealed record RecordedMessage<T>(Guid? MessageId, Guid? CorrelationId, T Message) where T : class;

/// <summary>
/// A bus of its own on the real RabbitMQ, using the same entity prefix as the code under test:
/// it records what was published and can publish (or re-deliver) messages itself.
/// </summary>
public sealed class MessageRecorder : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Type, ConcurrentQueue<object>> _received = new();
    private readonly List<Action<IRabbitMqReceiveEndpointConfigurator>> _handlers = [];
    private readonly string _prefix;
    private readonly Uri _broker;
    private IBusControl? _bus;

    /// <param name="entityPrefix">The prefix of the code under test; empty for a system that runs with the real names.</param>
    /// <param name="broker">The broker to listen on; the one <c>test.sh</c> started unless given.</param>
    public MessageRecorder(string entityPrefix, Uri? broker = null)
    {
        _prefix = entityPrefix;
        _broker = broker ?? TestInfrastructure.RabbitMq;
    }

    public IBus Bus => _bus ?? throw new InvalidOperationException("Start the recorder first.");

    public MessageRecorder Record<T>() where T : class
    {
        var queue = _received.GetOrAdd(typeof(T), _ => new ConcurrentQueue<object>());
        _handlers.Add(e => e.Handler<T>(ctx =>
        {
            queue.Enqueue(new RecordedMessage<T>(ctx.MessageId, ctx.CorrelationId, ctx.Message));
            return Task.CompletedTask;
        }));
        return this;
    }

    public async Task<MessageRecorder> StartAsync()
    {
        _bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.ConfigureBroker(_broker);
            if (_prefix.Length > 0)
            {
                cfg.MessageTopology.SetEntityNameFormatter(new PrefixEntityNameFormatter(cfg.MessageTopology.EntityNameFormatter, _prefix + "-"));
            }
            cfg.ReceiveEndpoint(_prefix.Length > 0 ? $"{_prefix}-recorder-{Guid.NewGuid():N}" : $"test-recorder-{Guid.NewGuid():N}", e =>
            {
                e.AutoDelete = true;
                e.Durable = false;
                foreach (var handler in _handlers)
                {
                    handler(e);
                }
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _bus.StartAsync(timeout.Token);
        return this;
    }

    public IReadOnlyList<RecordedMessage<T>> Received<T>() where T : class =>
        _received.TryGetValue(typeof(T), out var queue) ? [.. queue.Cast<RecordedMessage<T>>()] : [];

    public Task<RecordedMessage<T>> WaitForAsync<T>(Func<T, bool> match, TimeSpan? timeout = null) where T : class =>
        Eventually.GetAsync(() => Task.FromResult(Received<T>().FirstOrDefault(m => match(m.Message))), $"a {typeof(T).Name} on the broker", timeout);

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.StopAsync();
        }
    }
}
