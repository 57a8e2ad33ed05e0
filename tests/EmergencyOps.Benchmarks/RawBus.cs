using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// The raw RabbitMQ.Client 7 side of the bus benchmark: a durable fanout exchange bound to a durable quorum queue,
/// persistent publishes on a channel with publisher confirms tracked (each publish returns once confirmed), and a
/// consumer with manual acknowledgements and a prefetch of <see cref="BusBenchmark.Prefetch"/>.
/// </summary>
internal sealed class RawBus : IAsyncDisposable
{
    private readonly IConnection _connection;
    private readonly IChannel _publisher;
    private readonly IChannel _consumer;
    private readonly string _name = $"bench-raw-{Guid.NewGuid():N}";

    private RawBus(IConnection connection, IChannel publisher, IChannel consumer)
    {
        _connection = connection;
        _publisher = publisher;
        _consumer = consumer;
    }

    public static async Task<RawBus> StartAsync(Uri broker, Arrivals arrivals, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(cancellationToken);
        var publisher = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var consumer = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var bus = new RawBus(connection, publisher, consumer);
        await publisher.ExchangeDeclareAsync(bus._name, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: cancellationToken);
        await publisher.QueueDeclareAsync(bus._name, durable: true, exclusive: false, autoDelete: false,
            arguments: new Dictionary<string, object?> { ["x-queue-type"] = "quorum" }, cancellationToken: cancellationToken);
        await publisher.QueueBindAsync(bus._name, bus._name, "", cancellationToken: cancellationToken);
        await consumer.BasicQosAsync(0, BusBenchmark.Prefetch, false, cancellationToken);
        var receiver = new AsyncEventingBasicConsumer(consumer);
        receiver.ReceivedAsync += async (_, delivery) =>
        {
            var ping = JsonSerializer.Deserialize<BenchPing>(delivery.Body.Span)!;
            arrivals.Arrive(ping.SentAt);
            await consumer.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await consumer.BasicConsumeAsync(bus._name, autoAck: false, receiver, cancellationToken);
        return bus;
    }

    public async Task PublishAsync(BenchPing ping, CancellationToken cancellationToken)
    {
        var properties = new BasicProperties { Persistent = true, ContentType = "application/json", MessageId = ping.Id.ToString() };
        await _publisher.BasicPublishAsync(_name, "", mandatory: false, properties, JsonSerializer.SerializeToUtf8Bytes(ping), cancellationToken);
    }

    /// <summary>Deletes a queue the benchmark declared elsewhere (MassTransit's), so the broker is left as found.</summary>
    public async Task DeleteAsync(string queue)
    {
        await _publisher.QueueDeleteAsync(queue);
    }

    public async ValueTask DisposeAsync()
    {
        await _consumer.CloseAsync();
        await _publisher.QueueDeleteAsync(_name);
        await _publisher.ExchangeDeleteAsync(_name);
        await _publisher.CloseAsync();
        await _connection.CloseAsync();
        _consumer.Dispose();
        _publisher.Dispose();
        _connection.Dispose();
    }
}
