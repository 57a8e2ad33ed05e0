using System.Diagnostics;
using System.Text;
using EmergencyOps.Testing;
using RabbitMQ.Client;

namespace EmergencyOps.Integrators.Tests;

/// <summary>
/// The permissions the AppHost gives the integrator user (aspire/EmergencyOps.AppHost/Resources/integrator-user.sh),
/// applied with rabbitmqctl to a user of this test's own on the test broker: it binds and consumes its own queue,
/// but can neither publish to an event exchange nor configure anything of the services.
/// </summary>
public sealed class IntegratorUserTests : IAsyncLifetime
{
    private const int AccessRefused = 403;
    private readonly string _prefix = TestInfrastructure.UniquePrefix("integrator-user");
    private readonly string _password = Guid.NewGuid().ToString("N");
    private string User => "integrator-" + _prefix;
    private string Queue => "integrator." + _prefix;
    private const string EventExchange = "EmergencyOps.Contracts.Hazards:MajorHazardSourceClassified";

    public async Task InitializeAsync()
    {
        var (exit, output) = await RunAsync("bash", [Script, User, "/"], _password);
        Assert.True(exit == 0, $"integrator-user.sh failed ({exit}): {output}");
        Assert.DoesNotContain(_password, output, StringComparison.Ordinal);
        // The services' exchange as MassTransit declares it when it first publishes (durable fanout).
        await using var admin = await Broker.ConnectAsync();
        await using var channel = await admin.CreateChannelAsync();
        await channel.ExchangeDeclareAsync(EventExchange, ExchangeType.Fanout, durable: true, autoDelete: false);
    }

    public async Task DisposeAsync()
    {
        await Broker.DeleteAsync([Queue + ".dead"], [Queue, Queue + ".dead"]);
        await RunAsync("rabbitmqctl", ["-q", "delete_user", User], null);
    }

    [Fact]
    public async Task Integrator_user_binds_and_consumes_its_own_queue_but_cannot_publish_to_an_event_exchange()
    {
        await using var integrator = await Broker.ConnectAsync(Broker.As(User, _password));

        // Its own queue, with the sample's policy (dead-letter exchange included), bound to an event exchange.
        var options = new Samples.Integrator.IntegratorOptions { Queue = Queue, Exchanges = [EventExchange] };
        await using (var channel = await integrator.CreateChannelAsync())
        {
            await Samples.Integrator.Topology.DeclareOwnAsync(channel, options, CancellationToken.None);
            Assert.Empty(await Samples.Integrator.Topology.BindAsync(integrator, channel, Queue, [EventExchange], CancellationToken.None));
        }

        // It consumes what reaches its queue.
        await using (var admin = await Broker.ConnectAsync())
        await using (var channel = await admin.CreateChannelAsync())
        {
            await channel.BasicPublishAsync("", Queue, Encoding.UTF8.GetBytes("hello"));
        }
        await using (var channel = await integrator.CreateChannelAsync())
        {
            var got = await Eventually.GetAsync(() => channel.BasicGetAsync(Queue, autoAck: true), "the message in the integrator's queue");
            Assert.Equal("hello", Encoding.UTF8.GetString(got.Body.Span));
        }

        // A publish to an event exchange is refused (a channel error, seen on the next synchronous call with confirms).
        Assert.Equal(AccessRefused, await Broker.ReplyCodeAsync(integrator, async c =>
        {
            await c.BasicPublishAsync(EventExchange, "", Encoding.UTF8.GetBytes("{}"));
            await c.QueueDeclarePassiveAsync(Queue);
        }));
        // Nor may it create, change or delete anything that is not its own.
        Assert.Equal(AccessRefused, await Broker.ReplyCodeAsync(integrator, c => c.ExchangeDeclareAsync(EventExchange, ExchangeType.Fanout, durable: true)));
        Assert.Equal(AccessRefused, await Broker.ReplyCodeAsync(integrator, c => c.QueueDeclareAsync("hazards-api-queue", durable: true, exclusive: false, autoDelete: false)));
        Assert.Equal(AccessRefused, await Broker.ReplyCodeAsync(integrator, c => c.ExchangeDeleteAsync(EventExchange)));
    }

    private static string Script
    {
        get
        {
            var root = Path.GetDirectoryName(Path.GetDirectoryName(AsyncApi.ContractEvents.DocumentPath))!;
            return Path.Combine(root, "aspire", "EmergencyOps.AppHost", "Resources", "integrator-user.sh");
        }
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] args, string? input)
    {
        var start = new ProcessStartInfo(file, args) { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        // test.sh puts RabbitMQ's tools on PATH; a plain `dotnet test` may not have them there.
        start.Environment["PATH"] = $"{Environment.GetEnvironmentVariable("PATH")}:/usr/sbin:/usr/lib/rabbitmq/bin";
        using var process = Process.Start(start)!;
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
        }
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output + await errors);
    }
}
