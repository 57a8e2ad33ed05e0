using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EmergencyOps.Samples.Integrator;

/// <summary>
/// Declares what belongs to the integrator (its queue, its dead-letter exchange and queue: names under
/// <c>integrator.</c>) and binds its queue to the event exchanges, which belong to EmergencyOps and are never
/// declared here: the integrator user may read them, not configure them.
/// </summary>
internal static class Topology
{
    public const int NotFound = 404;

    public static async Task DeclareOwnAsync(IChannel channel, IntegratorOptions options, CancellationToken ct)
    {
        var deadLetters = QueuePolicy.DeadLetterName(options.Queue);
        await channel.ExchangeDeclareAsync(deadLetters, ExchangeType.Fanout, durable: true, autoDelete: false, cancellationToken: ct);
        await channel.QueueDeclareAsync(deadLetters, durable: true, exclusive: false, autoDelete: false,
            QueuePolicy.ForDeadLetters(options.DeadLetterMaxLength, options.MessageTtl), cancellationToken: ct);
        await channel.QueueBindAsync(deadLetters, deadLetters, "", cancellationToken: ct);
        await channel.QueueDeclareAsync(options.Queue, durable: true, exclusive: false, autoDelete: false,
            QueuePolicy.ForQueue(options.Queue, options.MaxLength, options.MessageTtl), cancellationToken: ct);
    }

    /// <summary>
    /// Binds the queue to each exchange that exists; returns those that do not exist yet (no service has published
    /// that event type since the broker's data was created). A bind to a missing exchange would close the channel,
    /// so each is looked up first on a throwaway channel.
    /// </summary>
    public static async Task<IReadOnlyList<string>> BindAsync(
        IConnection connection, IChannel channel, string queue, IEnumerable<string> exchanges, CancellationToken ct)
    {
        var missing = new List<string>();
        foreach (var exchange in exchanges)
        {
            if (!await ExistsAsync(connection, exchange, ct))
            {
                missing.Add(exchange);
                continue;
            }
            await channel.QueueBindAsync(queue, exchange, "", cancellationToken: ct);
        }
        return missing;
    }

    private static async Task<bool> ExistsAsync(IConnection connection, string exchange, CancellationToken ct)
    {
        await using var probe = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            await probe.ExchangeDeclarePassiveAsync(exchange, ct);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
        {
            return false;
        }
    }
}
