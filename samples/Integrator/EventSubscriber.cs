using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EmergencyOps.Samples.Integrator;

/// <summary>
/// Keeps one connection to the broker and consumes the integrator's queue, acknowledging each event once it was
/// handled. One reconnect loop (with a growing delay) covers a broker that is not up yet, a broker restart and a
/// connection closed from either side; the client's own automatic recovery stays off so that no second mechanism
/// races it. The queue is durable, so events published while we were away wait for us (within its limits).
/// </summary>
public sealed partial class EventSubscriber(IOptions<IntegratorOptions> options, ILogger<EventSubscriber> logger) : BackgroundService
{
    private volatile IConnection? _connection;
    private volatile IReadOnlyList<string> _bound = [];

    /// <summary>Raised for every event read, before it is acknowledged.</summary>
    public event Action<ReceivedEvent>? Received;

    /// <summary>The open connection, if any (tests abort it to prove the loop reconnects).</summary>
    internal IConnection? Connection => _connection;

    /// <summary>The exchanges the queue is bound to on the current connection.</summary>
    public IReadOnlyList<string> BoundExchanges => _bound;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var delay = settings.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunConnectionAsync(settings, stoppingToken);
                delay = settings.ReconnectDelay;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogConnectionFailed(logger, e, settings.Broker.Host, delay);
            }
            finally
            {
                _connection = null;
                _bound = [];
            }
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxReconnectDelay.Ticks));
        }
    }

    private async Task RunConnectionAsync(IntegratorOptions settings, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = settings.Broker, AutomaticRecoveryEnabled = false, TopologyRecoveryEnabled = false };
        await using var connection = await factory.CreateConnectionAsync($"emergencyops-sample-integrator/{Environment.MachineName}", ct);
        var closed = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.ConnectionShutdownAsync += (_, e) =>
        {
            closed.TrySetResult($"{e.ReplyCode} {e.ReplyText}");
            return Task.CompletedTask;
        };
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        await Topology.DeclareOwnAsync(channel, settings, ct);
        var wanted = EventExchanges.Resolve(settings);
        var missing = await Topology.BindAsync(connection, channel, settings.Queue, wanted, ct);
        await channel.BasicQosAsync(0, settings.Prefetch, false, ct);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, delivery);
        await channel.BasicConsumeAsync(settings.Queue, autoAck: false, consumer, ct);
        _connection = connection;
        _bound = [.. wanted.Except(missing)];
        LogConnected(logger, settings.Broker.Host, settings.Queue, _bound.Count, missing.Count);

        while (missing.Count > 0 && !closed.Task.IsCompleted)
        {
            await Task.WhenAny(closed.Task, Task.Delay(settings.RebindInterval, ct));
            ct.ThrowIfCancellationRequested();
            if (closed.Task.IsCompleted)
            {
                break;
            }
            var still = await Topology.BindAsync(connection, channel, settings.Queue, missing, ct);
            _bound = [.. wanted.Except(still)];
            missing = still;
        }
        var reason = await closed.Task.WaitAsync(ct);
        LogConnectionLost(logger, reason);
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        ReceivedEvent received;
        try
        {
            received = ReceivedEvent.Parse(delivery.Body.Span);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            // Not an event we can read: to our dead-letter queue for a person to look at, never redelivered in a loop.
            LogUnreadable(logger, e, delivery.Exchange);
            await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: false);
            return;
        }
        LogEvent(logger, received.OccurredAt, received.Type, received.Summary);
        Received?.Invoke(received);
        await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
    }
}
