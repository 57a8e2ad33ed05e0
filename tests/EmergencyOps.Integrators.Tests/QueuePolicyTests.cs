using System.Text;
using EmergencyOps.Samples.Integrator;
using EmergencyOps.Testing;
using RabbitMQ.Client;

namespace EmergencyOps.Integrators.Tests;

/// <summary>
/// A full integrator queue (the sample's policy: x-max-length with drop-head, a TTL, a dead-letter exchange) next to a
/// normal queue on one fanout exchange: the publisher gets every confirm, the normal queue every message, the full queue
/// keeps only the newest and its dead-letter queue the rest.
/// </summary>
public sealed class QueuePolicyTests : IAsyncLifetime
{
    private const int MaxLength = 5;
    private const int Published = 60;
    private readonly string _prefix = TestInfrastructure.UniquePrefix("queue-policy");
    private string Exchange => $"{_prefix}.events";
    private string Slow => $"integrator.{_prefix}";
    private string Normal => $"{_prefix}.service";

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => Broker.DeleteAsync([Exchange, QueuePolicy.DeadLetterName(Slow)], [Slow, QueuePolicy.DeadLetterName(Slow), Normal]);

    [Fact]
    public async Task A_full_integrator_queue_drops_its_oldest_and_never_refuses_or_slows_the_publisher()
    {
        await using var connection = await Broker.ConnectAsync();
        await using (var setup = await connection.CreateChannelAsync())
        {
            await setup.ExchangeDeclareAsync(Exchange, ExchangeType.Fanout, durable: true, autoDelete: false);
            var options = new IntegratorOptions { Queue = Slow, MaxLength = MaxLength, MessageTtl = TimeSpan.FromHours(1) };
            await Topology.DeclareOwnAsync(setup, options, CancellationToken.None);
            await setup.QueueBindAsync(Slow, Exchange, "");
            await setup.QueueDeclareAsync(Normal, durable: true, exclusive: false, autoDelete: false);
            await setup.QueueBindAsync(Normal, Exchange, "");
        }

        // Publisher confirms, as MassTransit publishes: each publish returns only once the broker confirmed it and
        // throws if the broker nacked it (which reject-publish would do once the integrator's queue is full).
        await using (var publisher = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)))
        {
            for (var i = 0; i < Published; i++)
            {
                await publisher.BasicPublishAsync(Exchange, "", mandatory: true, new BasicProperties { Persistent = true }, Encoding.UTF8.GetBytes(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }

        await Eventually.TrueAsync(async () => await Broker.MessageCountAsync(connection, Normal) == Published, $"all {Published} messages in the service's queue");
        Assert.Equal((uint)MaxLength, await Broker.MessageCountAsync(connection, Slow));
        await Eventually.TrueAsync(async () => await Broker.MessageCountAsync(connection, QueuePolicy.DeadLetterName(Slow)) == Published - MaxLength,
            "the dropped messages in the integrator's dead-letter queue");

        // What the integrator still has are the newest messages.
        await using var reader = await connection.CreateChannelAsync();
        var oldestKept = await reader.BasicGetAsync(Slow, autoAck: true);
        Assert.Equal((Published - MaxLength).ToString(System.Globalization.CultureInfo.InvariantCulture), Encoding.UTF8.GetString(oldestKept!.Body.Span));
    }
}
