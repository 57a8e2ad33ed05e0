using System.Text;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace EmergencyOps.Messaging.Tests;

/// <summary>The operator's tools around the bus: moving an error queue back, and fail points refused in Production.</summary>
public sealed class OperatorTests : IAsyncLifetime
{
    private readonly string _queue = $"operator-tests-{Guid.NewGuid():N}";
    private IConnection _connection = null!;
    private IChannel _channel = null!;

    public async Task InitializeAsync()
    {
        _connection = await new ConnectionFactory { Uri = TestInfrastructure.RabbitMq }.CreateConnectionAsync();
        _channel = await _connection.CreateChannelAsync();
        foreach (var queue in new[] { _queue, _queue + "_error" })
        {
            await _channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        }
    }

    [Fact]
    public async Task Requeue_moves_every_waiting_error_message_back_in_order_with_its_properties_and_leaves_the_error_queue_empty()
    {
        for (var i = 0; i < 3; i++)
        {
            var properties = new BasicProperties { MessageId = $"m{i}", Persistent = true, Headers = new Dictionary<string, object?> { ["MT-Fault-Message"] = $"failed {i}" } };
            await _channel.BasicPublishAsync("", _queue + "_error", mandatory: true, properties, Encoding.UTF8.GetBytes($"body {i}"));
        }

        Assert.Equal(3, await ErrorRequeue.MoveAsync(TestInfrastructure.RabbitMq, _queue, CancellationToken.None));

        Assert.Equal(0u, (await _channel.QueueDeclarePassiveAsync(_queue + "_error")).MessageCount);
        for (var i = 0; i < 3; i++)
        {
            var message = await Eventually.GetAsync(() => _channel.BasicGetAsync(_queue, autoAck: true), "a moved message");
            Assert.Equal(($"m{i}", $"body {i}"), (message.BasicProperties.MessageId, Encoding.UTF8.GetString(message.Body.Span)));
            Assert.Equal($"failed {i}", Encoding.UTF8.GetString((byte[])message.BasicProperties.Headers!["MT-Fault-Message"]!));
        }
    }

    [Fact]
    public async Task Requeue_of_a_queue_that_does_not_exist_fails_and_moves_nothing()
    {
        await _channel.BasicPublishAsync("", _queue + "_error", Encoding.UTF8.GetBytes("kept"));
        await Assert.ThrowsAnyAsync<RabbitMQ.Client.Exceptions.OperationInterruptedException>(
            () => ErrorRequeue.MoveAsync(TestInfrastructure.RabbitMq, _queue + "-missing", CancellationToken.None));
        await Eventually.TrueAsync(async () => (await _channel.QueueDeclarePassiveAsync(_queue + "_error")).MessageCount == 1, "the message still in the error queue");
    }

    [Theory]
    [InlineData("Production", true)]
    [InlineData("Development", false)]
    public void A_fail_point_directory_is_refused_in_Production(string environment, bool refused)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Messaging:FailPointDirectory"] = Path.Combine(Path.GetTempPath(), $"failpoints-{Guid.NewGuid():N}") });
        var registering = () => builder.AddServiceMessaging<DbContext>("operator-tests");
        if (refused)
        {
            Assert.Contains("refused in Production", Assert.Throws<InvalidOperationException>(registering).Message, StringComparison.Ordinal);
        }
        else
        {
            registering();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var queue in new[] { _queue, _queue + "_error" })
        {
            await _channel.QueueDeleteAsync(queue);
        }
        await _channel.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
