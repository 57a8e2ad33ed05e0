using System.Text.Json.Nodes;
using EmergencyOps.Contracts;

namespace EmergencyOps.Integrators.Tests.AsyncApi;

/// <summary>
/// Builds docs/asyncapi.yaml from the contracts: one channel per event type (its fanout exchange), one receive
/// operation, one message with its payload schema and an example. Run the drift test with
/// <c>EMERGENCYOPS_WRITE_ASYNCAPI=1</c> to write the document after the contracts change.
/// </summary>
internal static class AsyncApiGenerator
{
    public const string Header =
        "# Generated from src/EmergencyOps.Contracts by tests/EmergencyOps.Integrators.Tests (AsyncApiDocumentTests);\n"
        + "# regenerate with: EMERGENCYOPS_WRITE_ASYNCAPI=1 dotnet test tests/EmergencyOps.Integrators.Tests --filter AsyncApiDocumentTests\n";

    private const string Description =
        "The integration events EmergencyOps publishes on RabbitMQ, for integrators that subscribe over AMQP 0-9-1.\n\n"
        + "Each event type has its own durable fanout exchange named `Namespace:TypeName` (MassTransit's convention), e.g. "
        + "`EmergencyOps.Contracts.Hazards:MajorHazardSourceClassified`. Bind a durable queue of your own (named `integrator.*`, "
        + "with a length limit and a TTL: see the README) to the exchanges you want; the routing key is ignored. Every type's "
        + "exchange is also bound to `EmergencyOps.Contracts:IIntegrationEvent`, which carries every event.\n\n"
        + "Bodies are MassTransit's JSON envelope (content type `application/vnd.masstransit+json`): the event is under `message`, "
        + "camelCase, decimals as strings, enums as numbers, nulls written. Delivery is at least once: deduplicate on `messageId` "
        + "(the event's `eventId`). Breaking changes get a new type name (e.g. `WarningIssuedV2`), hence a new exchange; new optional "
        + "fields may appear in an existing type.";

    public static JsonObject Build()
    {
        var docs = XmlDocs.For(typeof(IIntegrationEvent).Assembly);
        var channels = new JsonObject();
        var operations = new JsonObject();
        var messages = new JsonObject();
        var schemas = new JsonObject { ["Envelope"] = Envelope.Schema() };
        foreach (var type in ContractEvents.All)
        {
            var name = type.Name;
            var summary = docs.Summary(type);
            channels[name] = new JsonObject
            {
                ["address"] = ContractEvents.Exchange(type),
                ["title"] = name,
                ["description"] = $"Published by the {ContractEvents.Service(type)} service. {summary}",
                ["messages"] = new JsonObject { [name] = Ref($"#/components/messages/{name}") },
                ["bindings"] = new JsonObject
                {
                    ["amqp"] = new JsonObject
                    {
                        ["is"] = "routingKey",
                        ["exchange"] = new JsonObject
                        {
                            ["name"] = ContractEvents.Exchange(type), ["type"] = "fanout", ["durable"] = true, ["autoDelete"] = false, ["vhost"] = "/",
                        },
                        ["bindingVersion"] = "0.3.0",
                    },
                },
            };
            operations[$"receive{name}"] = new JsonObject
            {
                ["action"] = "receive",
                ["channel"] = Ref($"#/channels/{name}"),
                ["summary"] = summary,
                ["messages"] = new JsonArray(Ref($"#/channels/{name}/messages/{name}")),
            };
            var example = Examples.For(type);
            messages[name] = new JsonObject
            {
                ["name"] = name,
                ["title"] = name,
                ["summary"] = summary,
                ["contentType"] = Envelope.ContentType,
                ["correlationId"] = new JsonObject { ["location"] = "$message.payload#/correlationId" },
                ["payload"] = new JsonObject
                {
                    ["allOf"] = new JsonArray(
                        Ref("#/components/schemas/Envelope"),
                        new JsonObject
                        {
                            ["type"] = "object",
                            ["properties"] = new JsonObject { ["message"] = Ref($"#/components/schemas/{name}") },
                        }),
                },
                ["examples"] = new JsonArray(new JsonObject { ["name"] = $"{name}Example", ["payload"] = Envelope.Example(type, example) }),
            };
            schemas[name] = PayloadSchemas.For(type, docs);
        }
        return new JsonObject
        {
            ["asyncapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "EmergencyOps integration events", ["version"] = "1.0.0", ["description"] = Description },
            ["defaultContentType"] = Envelope.ContentType,
            ["servers"] = new JsonObject
            {
                ["local"] = new JsonObject
                {
                    ["host"] = "127.0.0.1:5672",
                    ["protocol"] = "amqp",
                    ["protocolVersion"] = "0.9.1",
                    ["description"] = "The broker of a local run (the AppHost's dashboard shows its port). Production names its own.",
                    ["security"] = new JsonArray(Ref("#/components/securitySchemes/integrator")),
                },
            },
            ["channels"] = channels,
            ["operations"] = operations,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["integrator"] = new JsonObject
                    {
                        ["type"] = "userPassword",
                        ["description"] = "The `integrator` broker user (never the services' credentials): it may create, bind and read queues named `integrator.*` and read the event exchanges; it cannot publish to them.",
                    },
                },
                ["schemas"] = schemas,
                ["messages"] = messages,
            },
        };
    }

    public static string Yaml() => Header + AsyncApi.Yaml.Write(Build());

    private static JsonObject Ref(string target) => new() { ["$ref"] = target };
}
