using System.Text.Json.Nodes;

namespace EmergencyOps.Integrators.Tests.AsyncApi;

/// <summary>MassTransit's JSON envelope (content type <c>application/vnd.masstransit+json</c>), around every event.</summary>
internal static class Envelope
{
    public const string ContentType = "application/vnd.masstransit+json";

    private static JsonObject Uuid(string description, bool nullable = false) => new()
    {
        ["type"] = nullable ? new JsonArray("string", "null") : "string", ["format"] = "uuid", ["description"] = description,
    };

    private static JsonObject Text(string description, bool nullable = true) => new()
    {
        ["type"] = nullable ? new JsonArray("string", "null") : "string", ["description"] = description,
    };

    public static JsonObject Schema() => new()
    {
        ["title"] = "MassTransit envelope",
        ["description"] = "What every message body is: the event under `message`, with MassTransit's headers beside it. Fields not listed may be added by later MassTransit versions: ignore them.",
        ["type"] = "object",
        ["required"] = new JsonArray("messageId", "messageType", "message"),
        ["properties"] = new JsonObject
        {
            ["messageId"] = Uuid("The event's `eventId`: stable across redeliveries and republishing, so deduplicate on it."),
            ["requestId"] = Uuid("Always null for events.", nullable: true),
            ["correlationId"] = Uuid("The event's `correlationId`.", nullable: true),
            ["conversationId"] = Uuid("MassTransit's conversation id.", nullable: true),
            ["initiatorId"] = Uuid("The message that caused this one, if MassTransit knows it.", nullable: true),
            ["sourceAddress"] = Text("The publishing bus endpoint (rabbitmq://...)."),
            ["destinationAddress"] = Text("rabbitmq://HOST/EXCHANGE: the event type's exchange."),
            ["responseAddress"] = Text("Always null for events."),
            ["faultAddress"] = Text("Always null for events."),
            ["messageType"] = new JsonObject
            {
                ["type"] = "array",
                ["description"] = "URNs of the message's types, its own first (`urn:message:Namespace:TypeName`), then `urn:message:EmergencyOps.Contracts:IIntegrationEvent`.",
                ["items"] = new JsonObject { ["type"] = "string", ["pattern"] = "^urn:message:" },
                ["minItems"] = 1,
            },
            ["message"] = new JsonObject { ["type"] = "object", ["description"] = "The event (camelCase); its schema is the message's." },
            ["expirationTime"] = new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "date-time" },
            ["sentTime"] = new JsonObject { ["type"] = "string", ["format"] = "date-time", ["description"] = "When the outbox published it (UTC); `message.occurredAt` is when it happened." },
            ["headers"] = new JsonObject { ["type"] = "object", ["description"] = "MassTransit headers, often empty." },
            ["host"] = new JsonObject { ["type"] = "object", ["description"] = "The publishing process (machine, process, MassTransit version)." },
        },
    };

    public static JsonObject Example(Type type, JsonObject message) => new()
    {
        ["messageId"] = message["eventId"]!.DeepClone(),
        ["requestId"] = null,
        ["correlationId"] = message["correlationId"]!.DeepClone(),
        ["conversationId"] = Examples.StableId(type.Name + ".conversation").ToString(),
        ["initiatorId"] = null,
        ["sourceAddress"] = $"rabbitmq://rabbitmq/{ContractEvents.Service(type)}-api_bus?temporary=true",
        ["destinationAddress"] = $"rabbitmq://rabbitmq/{ContractEvents.Exchange(type)}",
        ["responseAddress"] = null,
        ["faultAddress"] = null,
        ["messageType"] = new JsonArray($"urn:message:{ContractEvents.Exchange(type)}", "urn:message:EmergencyOps.Contracts:IIntegrationEvent"),
        ["message"] = message,
        ["expirationTime"] = null,
        ["sentTime"] = "2025-07-28T01:30:00.25Z",
        ["headers"] = new JsonObject(),
        ["host"] = new JsonObject { ["machineName"] = "node-1", ["processName"] = ContractEvents.Service(type), ["massTransitVersion"] = "8.5.12.0" },
    };
}
