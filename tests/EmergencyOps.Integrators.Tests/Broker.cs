using EmergencyOps.Testing;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EmergencyOps.Integrators.Tests;

/// <summary>Plain RabbitMQ.Client access to the test broker (as guest, unless told otherwise), and clean-up of what a test made.</summary>
internal static class Broker
{
    public static Task<IConnection> ConnectAsync(Uri? broker = null) =>
        new ConnectionFactory { Uri = broker ?? TestInfrastructure.RabbitMq }.CreateConnectionAsync();

    public static Uri As(string user, string password)
    {
        var uri = new UriBuilder(TestInfrastructure.RabbitMq) { UserName = Uri.EscapeDataString(user), Password = Uri.EscapeDataString(password) };
        return uri.Uri;
    }

    /// <summary>Runs <paramref name="action"/> on a channel of its own and returns the AMQP reply code it failed with (0: it did not).</summary>
    public static async Task<int> ReplyCodeAsync(IConnection connection, Func<IChannel, Task> action)
    {
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await action(channel);
            return 0;
        }
        catch (OperationInterruptedException e)
        {
            return e.ShutdownReason?.ReplyCode ?? -1;
        }
    }

    public static async Task<uint> MessageCountAsync(IConnection connection, string queue)
    {
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    public static async Task DeleteAsync(IEnumerable<string> exchanges, IEnumerable<string> queues)
    {
        await using var connection = await ConnectAsync();
        foreach (var exchange in exchanges)
        {
            await ReplyCodeAsync(connection, c => c.ExchangeDeleteAsync(exchange));
        }
        foreach (var queue in queues)
        {
            await ReplyCodeAsync(connection, c => c.QueueDeleteAsync(queue));
        }
    }
}
