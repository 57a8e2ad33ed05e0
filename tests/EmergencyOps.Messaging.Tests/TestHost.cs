using System.Net;
using System.Net.Sockets;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Outbox;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace EmergencyOps.Messaging.Tests;

/// <summary>A minimal service host wired exactly as the real services are (database, outbox, bus, inbox consumer).</summary>
internal sealed class TestHost(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public static async Task<TestHost> StartAsync(string database, string prefix, Uri broker)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:testdb"] = database,
            ["ConnectionStrings:messaging"] = broker.ToString(),
            ["Messaging:EntityPrefix"] = prefix,
            ["Messaging:TemporaryQueues"] = "true",
            ["Messaging:Outbox:PublishTimeout"] = "00:00:01",
            ["Messaging:Outbox:RetryDelay"] = "00:00:00.200",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
        });
        builder.AddServiceDatabase<TestContext>("testdb");
        builder.AddServiceMessaging<TestContext>("tests", bus => bus.AddConsumer<CounterConsumer>());
        var built = builder.Build();
        await HostStarts.FirstAsync(typeof(TestHost), () => built.StartAsync());
        return new TestHost(built);
    }

    public Task WaitUntilBusReadyAsync() => Eventually.TrueAsync(async () =>
    {
        var report = await Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(c => c.Name == "masstransit-bus");
        return report.Status == HealthStatus.Healthy;
    }, "the bus to connect and bind its queues");

    /// <summary>Runs work in a fresh scope, as one request would.</summary>
    public async Task<T> InScopeAsync<T>(Func<TestContext, IEventOutbox, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TestContext>(), scope.ServiceProvider.GetRequiredService<IEventOutbox>());
    }

    /// <summary>Stores a note and its event in one unit of work, as a request would.</summary>
    public Task<NoteWritten> WriteNoteAsync(string text) =>
        InScopeAsync(async (db, outbox) =>
        {
            var note = new Note { Text = text };
            var evt = NoteWritten.For(note);
            db.Notes.Add(note);
            outbox.Add(evt);
            await db.SaveChangesAsync();
            return evt;
        });

    public Task<OutboxMessage?> OutboxRowAsync(Guid messageId) =>
        InScopeAsync((db, _) => db.Set<OutboxMessage>().AsNoTracking().SingleOrDefaultAsync(m => m.MessageId == messageId));

    public IBus Bus => Services.GetRequiredService<IBus>();

    /// <summary>The test broker's address with another port: a proxy's, or one where nothing listens.</summary>
    public static Uri BrokerAt(int port) => new UriBuilder(TestInfrastructure.RabbitMq) { Port = port }.Uri;

    public static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(timeout.Token);
        host.Dispose();
    }
}
