using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EmergencyOps.AppHost.Tests.Faults;

/// <summary>A delivery the tap took from its queue: the MassTransit envelope's message id, the event, and the envelope as sent.</summary>
public sealed record TappedEvent(string Type, Guid MessageId, JsonElement Message, string Envelope);

/// <summary>
/// A durable quorum queue bound to the events' exchanges, read with plain RabbitMQ.Client: unlike a consumer with a
/// temporary queue, it keeps every event published while the broker restarts and while nobody reads, so the suite
/// counts what really went out. <see cref="Taken"/> holds every delivery, duplicates included.
/// </summary>
public sealed class BrokerTap : IAsyncDisposable
{
    private readonly Uri _broker;
    private readonly string _queue = $"fault-tap-{Guid.NewGuid():N}";
    private readonly List<TappedEvent> _taken = [];

    private BrokerTap(Uri broker) => _broker = broker;

    public IReadOnlyList<TappedEvent> Taken => _taken;

    public string Queue => _queue;

    /// <summary>Why the last drain took nothing, if the broker refused it: for the message of a test that waited in vain.</summary>
    public string? LastRefusal { get; private set; }

    public static async Task<BrokerTap> StartAsync(Uri broker, params Type[] events)
    {
        var tap = new BrokerTap(broker);
        await tap.WithChannelAsync(async channel =>
        {
            await channel.QueueDeclareAsync(tap._queue, durable: true, exclusive: false, autoDelete: false,
                arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" });
            foreach (var type in events)
            {
                // MassTransit's fanout exchange per message type, declared as MassTransit declares it.
                var exchange = $"{type.Namespace}:{type.Name}";
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
                await channel.QueueBindAsync(tap._queue, exchange, "");
            }
        });
        return tap;
    }

    /// <summary>Takes what is in the queue now; a broker still restarting counts as nothing yet.</summary>
    public async Task<IReadOnlyList<TappedEvent>> DrainAsync()
    {
        try
        {
            LastRefusal = null;
            await WithChannelAsync(async channel =>
            {
                while (await channel.BasicGetAsync(_queue, autoAck: true) is { } delivery)
                {
                    var text = System.Text.Encoding.UTF8.GetString(delivery.Body.Span);
                    var envelope = JsonDocument.Parse(text).RootElement;
                    var type = envelope.GetProperty("messageType")[0].GetString()!.Split(':')[^1];
                    _taken.Add(new TappedEvent(type, envelope.GetProperty("messageId").GetGuid(), envelope.GetProperty("message").Clone(), text));
                }
            });
        }
        // A channel operation on a node still starting can also outlast the client's continuation timeout.
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException or AlreadyClosedException or IOException
            or OperationCanceledException or TimeoutException)
        {
            LastRefusal = $"{e.GetType().Name}: {e.Message}";
        }
        return _taken;
    }

    /// <summary>The deliveries of one event type.</summary>
    public IEnumerable<TappedEvent> Of<T>() => _taken.Where(e => e.Type == typeof(T).Name);

    private async Task WithChannelAsync(Func<IChannel, Task> work)
    {
        var factory = new ConnectionFactory { Uri = _broker };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await work(channel);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await WithChannelAsync(channel => channel.QueueDeleteAsync(_queue));
        }
        catch (Exception e) when (e is BrokerUnreachableException or OperationInterruptedException)
        {
        }
    }
}
