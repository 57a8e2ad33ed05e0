using System.Diagnostics;
using EmergencyOps.Contracts;
using EmergencyOps.Messaging.Inbox;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Webhooks.API.Infrastructure;
using Webhooks.API.Model;

namespace Webhooks.API.Consumers;

/// <summary>
/// Records one delivery per matching subscription for each integration event, in the same transaction as the inbox
/// row: an event is never lost (a crash before the commit leaves the message unacknowledged) and never recorded twice
/// (a redelivery finds the inbox row). Closed over every event type of the Contracts (see <c>Extensions</c>).
/// </summary>
public sealed class IntegrationEventConsumer<TEvent>(WebhooksContext db, DeliverySignal signal, TimeProvider time, ILogger<IntegrationEventConsumer<TEvent>> logger)
    : InboxConsumer<TEvent, WebhooksContext>(db, time, logger)
    where TEvent : class, IIntegrationEvent
{
    // Without the assembly's version, which the type's full name would carry: an upgrade must not forget what was handled.
    protected override string ConsumerId => $"webhooks:{typeof(TEvent).FullName}";

    // Most events are wanted by no subscriber: those are acknowledged after this read, without a write.
    protected override async Task<bool> MayApplyAsync(ConsumeContext<TEvent> context) =>
        (await MatchingAsync(EventCatalogue.For(typeof(TEvent)).Read(context.Message), context.CancellationToken)).Count > 0;

    protected override async Task HandleAsync(ConsumeContext<TEvent> context)
    {
        var descriptor = EventCatalogue.For(typeof(TEvent));
        var message = context.Message;
        var facts = descriptor.Read(message);
        // Read again inside the transaction: a subscription changed since the look before it counts as it is now.
        var matching = await MatchingAsync(facts, context.CancellationToken);
        if (matching.Count == 0)
        {
            return;
        }
        // The same event under another message id (a republish) must not make a second delivery.
        var recorded = await Db.Deliveries.Where(d => d.EventId == message.EventId).Select(d => d.SubscriptionId).ToListAsync(context.CancellationToken);
        var body = CloudEventEnvelope.Encode(descriptor, message, facts.Subject);
        var now = Time.GetUtcNow().UtcDateTime;
        foreach (var subscription in matching.Where(s => !recorded.Contains(s.Id)))
        {
            Db.Deliveries.Add(new Delivery
            {
                SubscriptionId = subscription.Id, EventId = message.EventId, EventType = descriptor.Name, Body = body,
                TraceParent = Activity.Current?.Id, Status = DeliveryStatus.Pending, NextAttemptAt = now, CreatedAt = now,
            });
        }
    }

    private async Task<List<Subscription>> MatchingAsync(EventFacts facts, CancellationToken cancellationToken)
    {
        var name = EventCatalogue.For(typeof(TEvent)).Name;
        var subscriptions = await Db.Subscriptions.AsNoTracking()
            .Where(s => s.State != SubscriptionState.Disabled && s.EventTypes.Contains(name))
            .ToListAsync(cancellationToken);
        return [.. subscriptions.Where(s => SubscriptionFilter.Matches(s, facts))];
    }

    protected override Task AfterCommitAsync(ConsumeContext<TEvent> context)
    {
        signal.NotifyAll();
        return Task.CompletedTask;
    }
}

/// <summary>Every event type's consumer on one queue (<c>webhooks-integration-events</c>): one binding per type, one consumer loop.</summary>
// Re-implements the interface's naming: the base class names each closed consumer's queue after its type.
public sealed class IntegrationEventConsumerDefinition<TEvent> : ConsumerDefinition<IntegrationEventConsumer<TEvent>>, IConsumerDefinition
    where TEvent : class, IIntegrationEvent
{
    string IConsumerDefinition.GetEndpointName(IEndpointNameFormatter formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        return formatter.Message<IntegrationEvents>();
    }
}

/// <summary>Names the shared queue through the formatter, so it carries the service's (and a test's) prefix.</summary>
public sealed class IntegrationEvents;
