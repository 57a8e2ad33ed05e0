using System.Diagnostics;
using System.Text.Json;
using EmergencyOps.Contracts;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Outbox;

/// <summary>
/// Adds integration events to the service's unit of work: they are stored by the same
/// <c>SaveChanges</c> (and transaction) as the state change, and published only after it commits.
/// </summary>
public interface IEventOutbox
{
    void Add<TEvent>(TEvent integrationEvent) where TEvent : class, IIntegrationEvent;
}

internal sealed class EventOutbox<TContext>(TContext db, TimeProvider time) : IEventOutbox where TContext : DbContext
{
    public void Add<TEvent>(TEvent integrationEvent) where TEvent : class, IIntegrationEvent
    {
        ArgumentNullException.ThrowIfNull(integrationEvent);
        db.Set<OutboxMessage>().Add(new OutboxMessage
        {
            MessageId = integrationEvent.EventId,
            MessageType = TypeName(typeof(TEvent)),
            Body = JsonSerializer.Serialize(integrationEvent, JsonSerializerOptions.Web),
            CorrelationId = integrationEvent.CorrelationId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C, Id.Length: <= OutboxMessage.TraceParentLength } current ? current.Id : null,
        });
    }

    // Without the assembly version, so rows written before an upgrade still resolve after it.
    internal static string TypeName(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";
}
