using System.Reflection;
using System.Text.Json.Nodes;
using EmergencyOps.Integrators.Tests.AsyncApi;

namespace EmergencyOps.Integrators.Tests;

/// <summary>docs/asyncapi.yaml against the contracts: a new, renamed, removed or reshaped event fails here, by name.</summary>
public sealed class AsyncApiDocumentTests
{
    private static readonly Lazy<JsonObject> Document = new(() => Yaml.Read(File.ReadAllText(ContractEvents.DocumentPath))!.AsObject());

    [Fact]
    public void Document_is_exactly_what_the_contracts_generate()
    {
        var expected = AsyncApiGenerator.Yaml();
        if (Environment.GetEnvironmentVariable("EMERGENCYOPS_WRITE_ASYNCAPI") == "1")
        {
            File.WriteAllText(ContractEvents.DocumentPath, expected);
        }
        var actual = File.ReadAllText(ContractEvents.DocumentPath).ReplaceLineEndings("\n");
        Assert.True(expected == actual,
            "docs/asyncapi.yaml differs from what the contracts generate. Regenerate it with "
            + "EMERGENCYOPS_WRITE_ASYNCAPI=1 dotnet test tests/EmergencyOps.Integrators.Tests --filter AsyncApiDocumentTests");
    }

    [Fact]
    public void Every_integration_event_has_exactly_one_channel_on_its_exchange_and_no_channel_is_left_over()
    {
        var channels = Document.Value["channels"]!.AsObject();
        var byExchange = channels.ToLookup(c => (string?)c.Value!["bindings"]?["amqp"]?["exchange"]?["name"]);
        var problems = new List<string>();
        foreach (var type in ContractEvents.All)
        {
            var exchange = ContractEvents.Exchange(type);
            var found = byExchange[exchange].ToList();
            if (found.Count != 1)
            {
                problems.Add($"{type.FullName}: {found.Count} channels on exchange {exchange}, expected 1");
                continue;
            }
            var (_, channel) = found[0];
            var binding = channel!["bindings"]!["amqp"]!["exchange"]!;
            if ((string?)channel["address"] != exchange || (string?)binding["type"] != "fanout" || (bool?)binding["durable"] != true)
            {
                problems.Add($"{type.FullName}: channel must have address {exchange} on a durable fanout exchange");
            }
        }
        var known = ContractEvents.All.Select(ContractEvents.Exchange).ToHashSet();
        problems.AddRange(channels.Where(c => !known.Contains((string?)c.Value!["address"] ?? ""))
            .Select(c => $"channel {c.Key} ({c.Value!["address"]}) names no integration event of the contracts"));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_payload_schema_has_the_records_properties_with_their_nullability()
    {
        var schemas = Document.Value["components"]!["schemas"]!.AsObject();
        var messages = Document.Value["components"]!["messages"]!.AsObject();
        var problems = new List<string>();
        var nullability = new NullabilityInfoContext();
        foreach (var type in ContractEvents.All)
        {
            if (schemas[type.Name] is not JsonObject schema)
            {
                problems.Add($"{type.FullName}: no schema components.schemas.{type.Name}");
                continue;
            }
            var parameters = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First().GetParameters();
            var expected = parameters.ToDictionary(p => JsonName(p.Name!), p => nullability.Create(p).WriteState == NullabilityState.Nullable);
            var properties = schema["properties"]!.AsObject();
            var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
            foreach (var (name, nullable) in expected)
            {
                if (properties[name] is not JsonObject property)
                {
                    problems.Add($"{type.Name}.{name}: missing from the schema");
                    continue;
                }
                var types = property["type"] is JsonArray list ? list.Select(t => (string?)t).ToList() : [(string?)property["type"]];
                if (types.Contains("null") != nullable)
                {
                    problems.Add($"{type.Name}.{name}: nullable is {nullable} in the record, {types.Contains("null")} in the schema");
                }
                if (!required.Contains(name))
                {
                    problems.Add($"{type.Name}.{name}: the record always carries it (nulls are written), but the schema does not require it");
                }
            }
            problems.AddRange(properties.Select(p => p.Key).Except(expected.Keys).Select(p => $"{type.Name}.{p}: in the schema, not in the record"));
            var example = messages[type.Name]?["examples"]?[0]?["payload"]?["message"]?.AsObject();
            if (example is null || !example.Select(p => p.Key).Order().SequenceEqual(expected.Keys.Order()))
            {
                problems.Add($"{type.Name}: its example's message must carry exactly the record's properties");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_channel_has_a_receive_operation_for_its_message()
    {
        var operations = Document.Value["operations"]!.AsObject();
        var missing = Document.Value["channels"]!.AsObject()
            .Where(c => !operations.Any(o => (string?)o.Value!["action"] == "receive" && (string?)o.Value["channel"]?["$ref"] == $"#/channels/{c.Key}"))
            .Select(c => c.Key)
            .ToList();
        Assert.True(missing.Count == 0, "channels without a receive operation: " + string.Join(", ", missing));
    }

    private static string JsonName(string parameter) => PayloadSchemas.Wire.PropertyNamingPolicy!.ConvertName(parameter);
}
