using System.Text.Json;
using EmergencyOps.Integrators.Tests.AsyncApi;
using EmergencyOps.Testing;
using RabbitMQ.Client;

namespace EmergencyOps.Integrators.Tests;

/// <summary>
/// docs/asyncapi.yaml against the real topology: a bus set up as the services' (MassTransit on the test broker, with a
/// prefix of this test's own before every name) publishes each event type once; then every exchange the document
/// names must exist, and declaring it with the document's properties (fanout, durable, not auto-delete) must be accepted,
/// which RabbitMQ refuses (406 PRECONDITION_FAILED) for an exchange of another type or durability.
/// </summary>
public sealed class AsyncApiTopologyTests : IAsyncLifetime
{
    private const string AllEvents = "EmergencyOps.Contracts:IIntegrationEvent";
    private readonly string _prefix = TestInfrastructure.UniquePrefix("asyncapi");
    private readonly List<string> _exchanges = [];
    private MessageRecorder _bus = null!;

    public async Task InitializeAsync() => _bus = await new MessageRecorder(_prefix).StartAsync();

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        await Broker.DeleteAsync(_exchanges, []);
    }

    [Fact]
    public async Task Every_documented_exchange_is_the_fanout_exchange_MassTransit_publishes_each_event_to()
    {
        foreach (var type in ContractEvents.All)
        {
            var message = Examples.For(type).Deserialize(type, PayloadSchemas.Wire)!;
            await _bus.Bus.Publish(message, type);
        }
        var document = Yaml.Read(await File.ReadAllTextAsync(ContractEvents.DocumentPath))!;
        var problems = new List<string>();
        await using var connection = await Broker.ConnectAsync();
        foreach (var (name, channel) in document["channels"]!.AsObject())
        {
            var exchange = channel!["bindings"]!["amqp"]!["exchange"]!;
            var actual = $"{_prefix}-{(string)exchange["name"]!}";
            _exchanges.Add(actual);
            if (await Broker.ReplyCodeAsync(connection, c => c.ExchangeDeclarePassiveAsync(actual)) is not 0 and var missing)
            {
                problems.Add($"{name}: publishing the event created no exchange {exchange["name"]} ({missing})");
                continue;
            }
            var code = await Broker.ReplyCodeAsync(connection, c => c.ExchangeDeclareAsync(
                actual, (string)exchange["type"]!, durable: (bool)exchange["durable"]!, autoDelete: (bool)exchange["autoDelete"]!));
            if (code != 0)
            {
                problems.Add($"{name}: exchange {exchange["name"]} is not {exchange["type"]}, durable={exchange["durable"]}, autoDelete={exchange["autoDelete"]} ({code})");
            }
        }
        // The document says every type's exchange also feeds the one for all integration events.
        _exchanges.Add($"{_prefix}-{AllEvents}");
        if (await Broker.ReplyCodeAsync(connection, c => c.ExchangeDeclarePassiveAsync($"{_prefix}-{AllEvents}")) != 0)
        {
            problems.Add($"no exchange {AllEvents}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
