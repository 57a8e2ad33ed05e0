using System.Collections.Concurrent;
using EmergencyOps.Contracts;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Messaging.Inbox;
using EmergencyOps.Testing;
using EmergencyOps.Testing.Webhooks;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Webhooks.API.Infrastructure;

namespace Webhooks.API.Tests;

/// <summary>
/// Every integration event reaches the service, and most are wanted by no subscriber (every stock change, for one): those
/// are acknowledged after one read, with no transaction, inbox row or delivery. Once a subscriber wants them, they are
/// recorded as before.
/// </summary>
public sealed class UnwantedEventTests(WebhooksFactory factory) : WebhookTestBase<WebhooksFactory>(factory), IClassFixture<WebhooksFactory>
{
    [Fact]
    public async Task An_event_no_subscriber_wants_is_acknowledged_without_a_write_and_recorded_once_one_does()
    {
        var consumed = new Consumed();
        using var observing = Factory.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);

        var unwanted = Changed();
        await PublishAsync(unwanted);
        var unwantedId = await Eventually.GetValueAsync(() => Task.FromResult(consumed.MessageIdOf(unwanted.EventId)), "the unwanted stock change consumed");
        Assert.False(await InScopeAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == unwantedId)));
        Assert.False(await InScopeAsync(db => db.Deliveries.AnyAsync(d => d.EventId == unwanted.EventId)));

        using var metro = Factory.CreateClient().Integrator("integrator-stock");
        var subscription = await metro.SubscribeOkAsync(Receiver.Url, ["StockChanged"]);
        var wanted = Changed();
        await PublishAsync(wanted);
        await Receiver.WaitForAsync(wanted.EventId);
        var wantedId = consumed.MessageIdOf(wanted.EventId);
        Assert.NotNull(wantedId);
        Assert.True(await InScopeAsync(db => db.Set<InboxMessage>().AnyAsync(m => m.MessageId == wantedId)));
        Assert.Equal([wanted.EventId], (await metro.DeliveriesAsync(subscription.Id)).Select(d => d.GetProperty("eventId").GetGuid()));
    }

    private static StockChanged Changed() => new(Guid.NewGuid(), DateTimeOffset.UtcNow, "inventory", Guid.NewGuid(), Guid.NewGuid(), "M-TENT-01", "", "receipt", 1, 1, 1, 1);

    private async Task<T> InScopeAsync<T>(Func<WebhooksContext, Task<T>> read)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<WebhooksContext>());
    }

    /// <summary>The message id of each integration event the service finished consuming, by event id.</summary>
    private sealed class Consumed : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, Guid> _messageIds = new();

        public Guid? MessageIdOf(Guid eventId) => _messageIds.TryGetValue(eventId, out var id) ? id : null;

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is IIntegrationEvent e && context.MessageId is { } id)
            {
                _messageIds[e.EventId] = id;
            }
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }
}
