using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Keeps enums described by their names. The schema generator cannot see through <see cref="StrictEnumConverter"/>, so
/// the names are put back as it writes them for the built-in converter: an <c>enum</c> of camelCase names (with
/// <c>null</c> among them for a nullable enum), and a list of enums as items referring to the enum's component.
/// </summary>
internal sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer, IOpenApiDocumentTransformer
{
    // Lists of enums, found while their schemas are made; their items become references once the document is whole.
    private static readonly ConditionalWeakTable<OpenApiSchema, Type> Lists = [];

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        if (context.JsonTypeInfo is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element } && EnumOf(element) is { } listed)
        {
            Lists.AddOrUpdate(schema, listed);
        }
        else if (EnumOf(type) is { } named && schema.Enum is not { Count: > 0 })
        {
            schema.Type = null;
            schema.Enum = Names(named, nullable: named != type);
        }
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Components?.Schemas is not { } components)
        {
            return Task.CompletedTask;
        }
        var visited = new HashSet<OpenApiSchema>(ReferenceEqualityComparer.Instance);
        foreach (var schema in components.Values.OfType<OpenApiSchema>().ToList())
        {
            Refer(schema, document, components, visited);
        }
        return Task.CompletedTask;
    }

    private static void Refer(OpenApiSchema schema, OpenApiDocument document, IDictionary<string, IOpenApiSchema> components, HashSet<OpenApiSchema> visited)
    {
        if (!visited.Add(schema))
        {
            return;
        }
        if (Lists.TryGetValue(schema, out var listed))
        {
            components.TryAdd(listed.Name, new OpenApiSchema { Enum = Names(listed, nullable: false) });
            schema.Items = new OpenApiSchemaReference(listed.Name, document);
        }
        foreach (var child in (schema.Properties?.Values ?? []).Append(schema.Items).OfType<OpenApiSchema>())
        {
            Refer(child, document, components, visited);
        }
    }

    private static Type? EnumOf(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } named ? named : null;

    private static List<JsonNode> Names(Type type, bool nullable)
    {
        List<JsonNode?> names = [.. Enum.GetNames(type).Select(n => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(n)))];
        if (nullable)
        {
            names.Add(null);
        }
        return names!;
    }
}
