using System.Text;
using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;
using EmergencyOps.Contracts;
using EmergencyOps.ServiceDefaults.Times;
using MassTransit.Serialization;
using Webhooks.API.Model;

namespace Webhooks.API.Infrastructure;

/// <summary>
/// An event as it leaves the system: a CloudEvents 1.0 structured JSON document whose <c>data</c> is the event exactly
/// as the services put it on the broker (MassTransit's JSON: camelCase, decimals as strings, enums as numbers), so a
/// receiver reads the same fields over webhooks as over RabbitMQ. The <c>id</c> is the event's id: stable across
/// retries and replays, so receivers can deduplicate.
/// </summary>
public static class CloudEventEnvelope
{
    public const string SourcePrefix = "urn:emergencyops:";

    private static readonly JsonEventFormatter Formatter = new();

    public static string Encode(EventDescriptor descriptor, IIntegrationEvent message, string? subject)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        ArgumentNullException.ThrowIfNull(message);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0)
        {
            Id = message.EventId.ToString(),
            Source = new Uri(SourcePrefix + Uri.EscapeDataString(message.Source)),
            Type = descriptor.CloudEventType,
            Time = ChinaStandardTime.From(message.OccurredAt),
            Subject = subject,
            DataContentType = "application/json",
            Data = JsonSerializer.SerializeToElement(message, descriptor.Type, SystemTextJsonMessageSerializer.Options),
        };
        return Encoding.UTF8.GetString(Formatter.EncodeStructuredModeMessage(cloudEvent, out _).Span);
    }
}
