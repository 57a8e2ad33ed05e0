using EmergencyOps.Testing.Webhooks;
using EmergencyOps.Testing;

namespace Webhooks.API.Tests;

/// <summary>
/// A test class's service, ready, with a bus of the test's own on the same broker names to publish integration events,
/// and a receiver to deliver to.
/// </summary>
public abstract class WebhookTestBase<TFactory>(TFactory factory) : IAsyncLifetime where TFactory : WebhooksFactory
{
    protected TFactory Factory { get; } = factory;

    protected MessageRecorder Bus { get; private set; } = null!;

    protected WebhookReceiver Receiver { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        using var client = Factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
        Bus = await new MessageRecorder(Factory.EntityPrefix).StartAsync();
        Receiver = await WebhookReceiver.StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Bus.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    // By its own type, as the services publish (an object's static type would be System.Object).
    protected Task PublishAsync(object message) => Bus.Bus.Publish(message, message.GetType());
}
