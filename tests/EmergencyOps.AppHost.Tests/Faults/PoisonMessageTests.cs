using System.Diagnostics;
using System.Text;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Messaging.Faults;
using EmergencyOps.Testing;
using RabbitMQ.Client;
using static EmergencyOps.AppHost.Tests.Faults.Operations;

namespace EmergencyOps.AppHost.Tests.Faults;

/// <summary>
/// A malformed message and one whose handler always throws reach inventory's readiness queue. Both land in its
/// <c>_error</c> queue with the reason, the warnings behind them are handled as usual, and once the cause of the second
/// is gone the documented command (<c>Inventory.API --requeue-errors QUEUE</c>) moves them back: the second is applied,
/// the malformed one returns to the error queue.
/// </summary>
[Collection(Faulted.Name)]
public sealed class PoisonMessageTests(FaultSystem system) : IAsyncLifetime
{
    private const string Queue = "inventory-warning-issued-readiness";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact(Timeout = FaultSystem.TestTimeout)]
    public async Task Poison_messages_wait_in_the_error_queue_with_their_reason_without_holding_up_the_queue_and_go_back_on_command()
    {
        using var admin = await system.AsAsync("admin");
        using var duty = await system.AsAsync("duty1");
        await using var tap = await BrokerTap.StartAsync(system.Broker, typeof(WarningIssued));
        var first = await IssueAsync(duty, "310112", "闵行区暴雨橙色预警（毒消息演练）");
        var envelope = await Eventually.GetAsync(async () => (await tap.DrainAsync()).FirstOrDefault(e => e.Message.GetProperty("warningId").GetGuid() == first.Id), "the warning's event", Deadline);

        // A copy of that event with a message id and a warning of its own, which inventory's consumers refuse while armed.
        var poisonId = Guid.NewGuid();
        var poisonWarning = Guid.NewGuid();
        system.Arm("inventory", FailPoints.InboxRefuse, poisonId.ToString());
        await SendRawAsync("{\"messageId\": \"" + Guid.NewGuid() + "\", \"message\": {\"warningId\": ");
        await SendRawAsync(envelope.Envelope.Replace(envelope.MessageId.ToString(), poisonId.ToString(), StringComparison.OrdinalIgnoreCase)
            .Replace(first.Id!.Value.ToString(), poisonWarning.ToString(), StringComparison.OrdinalIgnoreCase));
        // Behind them, the centre's next warning is handled as usual.
        var next = await IssueAsync(duty, "310112", "闵行区暴雨橙色预警（毒消息之后）");
        await Eventually.TrueAsync(async () => await ReadinessReportsAsync(admin, next.Id!.Value) == 1, "the next warning's readiness report", Deadline);

        var errors = await Eventually.GetAsync(async () => await PeekErrorsAsync() is { Count: 2 } found ? found : null, "both in the error queue", Deadline);
        Assert.Contains(errors, e => e.Reason.Contains("Fail point inbox-refuse refuses message " + poisonId, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Exception.Contains("Serializ", StringComparison.OrdinalIgnoreCase) || e.Exception.Contains("Json", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(0, await ReadinessReportsAsync(admin, poisonWarning));

        // The fix, then the command an operator runs with the service's own configuration.
        system.DisarmAll();
        var (exit, log) = await RequeueAsync();
        Assert.True(exit == 0, log);
        Assert.Contains($"Moved 2 message(s) from {Queue}_error back to {Queue}", log, StringComparison.Ordinal);

        await Eventually.TrueAsync(async () => await ReadinessReportsAsync(admin, poisonWarning) == 1, "the fixed message applied", Deadline);
        var left = await Eventually.GetAsync(async () => await PeekErrorsAsync() is { Count: 1 } found ? found : null, "the malformed one back in the error queue", Deadline);
        Assert.DoesNotContain(left, e => e.Reason.Contains(poisonId.ToString(), StringComparison.Ordinal));
    }

    private sealed record ErrorMessage(string Exception, string Reason);

    private async Task SendRawAsync(string body)
    {
        await using var connection = await new ConnectionFactory { Uri = system.Broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString(), Persistent = true };
        await channel.BasicPublishAsync("", Queue, mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }

    // Reads the error queue without taking anything out of it: every message is returned when the channel closes unacknowledged.
    private async Task<IReadOnlyList<ErrorMessage>> PeekErrorsAsync()
    {
        await using var connection = await new ConnectionFactory { Uri = system.Broker }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var found = new List<ErrorMessage>();
        try
        {
            while (found.Count < 50 && await channel.BasicGetAsync(Queue + "_error", autoAck: false) is { } message)
            {
                var headers = message.BasicProperties.Headers ?? new Dictionary<string, object?>();
                found.Add(new ErrorMessage(Header(headers, "MT-Fault-ExceptionType"), Header(headers, "MT-Fault-Message")));
            }
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode is 404 or 541)
        {
            // MassTransit declares the error queue when it moves the first message there: nothing has failed yet (404),
            // or the declaration is under way and the queue's process not started (541 "noproc"). Either way, look again.
        }
        return found;
    }

    private static string Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) && value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value?.ToString() ?? "";

    // The documented command: the inventory service's own binary with --requeue-errors and the queue.
    private async Task<(int Exit, string Log)> RequeueAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(Repository.Root(), "src", "Inventory.API", "bin", configuration, "net10.0", "Inventory.API.dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--requeue-errors", Queue })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["DOTNET_ENVIRONMENT"] = "Development";
        info.Environment["ConnectionStrings__messaging"] = system.Broker.ToString();
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(Deadline);
        return (process.ExitCode, await output + await error);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        system.DisarmAll();
        return Task.CompletedTask;
    }
}
