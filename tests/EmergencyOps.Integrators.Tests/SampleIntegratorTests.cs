using System.Collections.Concurrent;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Samples.Integrator;
using EmergencyOps.Testing;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RabbitMQ.Client;

namespace EmergencyOps.Integrators.Tests;

/// <summary>
/// The sample integrator, hosted as its Program hosts it, on the test broker: events published by MassTransit as the
/// services publish them (this test's prefix before every exchange name) reach its own queue and are parsed.
/// </summary>
public sealed class SampleIntegratorTests : IAsyncLifetime
{
    private readonly string _prefix = TestInfrastructure.UniquePrefix("sample");
    private readonly ConcurrentQueue<ReceivedEvent> _received = new();
    private static readonly string[] Exchanges = [EventExchanges.For(typeof(MajorHazardSourceClassified)), EventExchanges.For(typeof(WarningIssued))];
    private MessageRecorder _services = null!;
    private IHost _sample = null!;

    private string Queue => $"integrator.{_prefix}";

    private EventSubscriber Subscriber => _sample.Services.GetRequiredService<EventSubscriber>();

    public async Task InitializeAsync()
    {
        _services = await new MessageRecorder(_prefix).StartAsync();
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Integrator:Broker"] = TestInfrastructure.RabbitMq.ToString(),
            ["Integrator:Queue"] = Queue,
            ["Integrator:ExchangePrefix"] = _prefix + "-",
            ["Integrator:Exchanges:0"] = Exchanges[0],
            ["Integrator:Exchanges:1"] = Exchanges[1],
            ["Integrator:ReconnectDelay"] = "00:00:00.100",
            ["Integrator:RebindInterval"] = "00:00:00.200",
        });
        builder.Services.AddIntegrator(builder.Configuration);
        _sample = builder.Build();
        Subscriber.Received += _received.Enqueue;
        await _sample.StartAsync();
        // No service has published yet, so no exchange exists to bind: the first publish of each type creates its
        // exchange (and reaches nobody), as on a fresh broker; the sample binds as soon as it exists.
        await _services.Bus.Publish(Hazard());
        await _services.Bus.Publish(Warning());
        await WaitUntilBoundAsync(previous: null);
    }

    public async Task DisposeAsync()
    {
        await _sample.StopAsync();
        _sample.Dispose();
        await _services.DisposeAsync();
        await Broker.DeleteAsync([.. Exchanges.Select(e => _prefix + "-" + e), QueuePolicy.DeadLetterName(Queue)], [Queue, QueuePolicy.DeadLetterName(Queue)]);
    }

    [Fact]
    public async Task Sample_receives_and_parses_a_hazard_event_published_as_the_services_publish_it()
    {
        var hazard = Hazard();
        await _services.Bus.Publish(hazard, c => c.MessageId = hazard.EventId);

        var received = await ReceivedAsync(hazard.EventId);
        Assert.Equal(nameof(MajorHazardSourceClassified), received.Type);
        Assert.Equal(hazard.OccurredAt, received.OccurredAt);
        Assert.Contains("districtCode=310116", received.Summary, StringComparison.Ordinal);
        Assert.Contains("level=1", received.Summary, StringComparison.Ordinal);
        Assert.Equal(hazard.UnitId, received.Message.GetProperty("unitId").GetGuid());
        Assert.Equal("2.50", received.Message.GetProperty("s").GetString());
    }

    [Fact]
    public async Task Sample_reconnects_and_keeps_receiving_after_its_connection_is_aborted()
    {
        var first = Subscriber.Connection!;
        await first.AbortAsync();
        await WaitUntilBoundAsync(previous: first);

        var warning = Warning();
        await _services.Bus.Publish(warning, c => c.MessageId = warning.EventId);
        var received = await ReceivedAsync(warning.EventId);
        Assert.Equal(nameof(WarningIssued), received.Type);
        Assert.Contains("districts=310116", received.Summary, StringComparison.Ordinal);
    }

    private Task WaitUntilBoundAsync(object? previous) => Eventually.TrueAsync(
        () => Subscriber.Connection is { IsOpen: true } c && c != previous && Subscriber.BoundExchanges.Count == Exchanges.Length,
        "the sample to connect and bind its queue to both exchanges");

    private Task<ReceivedEvent> ReceivedAsync(Guid eventId) => Eventually.GetAsync(
        () => Task.FromResult(_received.FirstOrDefault(e => e.MessageId == eventId)), $"the sample to receive event {eventId}");

    private static MajorHazardSourceClassified Hazard() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "hazards", Guid.NewGuid(), Guid.NewGuid(), "1号液氨储罐区", Guid.NewGuid(), "上海金山石化物流有限公司",
        "310116", 30.72, 121.34, 2.50m, 120m, MajorHazardLevel.Level1, ["7664-41-7"]);

    private static WarningIssued Warning() => new(
        Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), Guid.NewGuid(), 1, WarningTypes.Typhoon, WarningLevel.Orange, false,
        new WarningArea(["310116"]), "金山区台风橙色预警", null);
}
