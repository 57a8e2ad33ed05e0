using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;

namespace EmergencyOps.Messaging.Bus;

/// <summary>
/// The operator's command for poison messages once their cause is fixed: <c>--requeue-errors QUEUE</c> moves what
/// waits in <c>QUEUE_error</c> back to <c>QUEUE</c> and exits. Each message is published with publisher confirms and
/// only then removed from the error queue, so a failure midway loses nothing (at worst one message is in both).
/// </summary>
public static partial class ErrorRequeue
{
    public const string Argument = "--requeue-errors";

    /// <summary>Runs the command when the arguments name it (returns true), with the service's own broker connection.</summary>
    public static async Task<bool> RequeueErrorsOnlyAsync(this IHost app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        var at = Array.IndexOf(args, Argument);
        if (at < 0)
        {
            return false;
        }
        using (app)
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ErrorRequeue));
            var queue = at + 1 < args.Length ? args[at + 1] : "";
            if (!QueueName().IsMatch(queue))
            {
                LogUsage(logger, Argument);
                Environment.ExitCode = 2;
                return true;
            }
            try
            {
                var broker = new Uri(app.Services.GetRequiredService<IConfiguration>().GetConnectionString(MessagingExtensions.ConnectionName)
                    ?? "amqp://guest:guest@localhost:5672/");
                var moved = await MoveAsync(broker, queue, CancellationToken.None);
                LogMoved(logger, moved, queue);
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex, queue);
                Environment.ExitCode = 1;
            }
        }
        return true;
    }

    /// <summary>Moves the messages waiting in the error queue now; one that fails again returns behind them and stays.</summary>
    public static async Task<int> MoveAsync(Uri broker, string queue, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = broker, ClientProvidedName = $"requeue-errors {queue}" };
        await using var connection = await factory.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
        var waiting = (await channel.QueueDeclarePassiveAsync(queue + "_error", cancellationToken)).MessageCount;
        var moved = 0;
        while (moved < waiting && await channel.BasicGetAsync(queue + "_error", autoAck: false, cancellationToken) is { } message)
        {
            // Returns once the broker confirmed it (and throws if the broker refused it): only then is the original removed.
            await channel.BasicPublishAsync("", queue, mandatory: true, new BasicProperties(message.BasicProperties), message.Body, cancellationToken);
            await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
            moved++;
        }
        return moved;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,200}$")]
    private static partial Regex QueueName();

    [LoggerMessage(Level = LogLevel.Error, Message = "Usage: {Argument} QUEUE (a queue of this service, such as inventory-warning-issued-readiness)")]
    private static partial void LogUsage(ILogger logger, string argument);

    [LoggerMessage(Level = LogLevel.Information, Message = "Moved {Count} message(s) from {Queue}_error back to {Queue}")]
    private static partial void LogMoved(ILogger logger, int count, string queue);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Moving the error queue of {Queue} back failed; what was not moved stays in the error queue")]
    private static partial void LogFailed(ILogger logger, Exception exception, string queue);
}
