using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>
/// Shows the limits the built-in schema generation does not know: <see cref="OneOfAttribute"/> names as the schema's
/// <c>enum</c> (of the items, for a list), and a <see cref="TextListAttribute"/>'s item length as the items' <c>maxLength</c>;
/// on body properties and on query parameters of minimal API handlers alike.
/// </summary>
internal sealed class InputSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var attributes = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(inherit: true)
            ?? (context.ParameterDescription?.ParameterDescriptor as IParameterInfoParameterDescriptor)?.ParameterInfo.GetCustomAttributes(inherit: true)
            ?? [];
        var items = schema.Items as OpenApiSchema;
        if (attributes.OfType<OneOfAttribute>().FirstOrDefault() is { } oneOf)
        {
            (items ?? schema).Enum = [.. oneOf.Names.Select(n => (JsonNode)JsonValue.Create(n))];
        }
        if (attributes.OfType<TextListAttribute>().FirstOrDefault() is { } list && items is { Enum: null })
        {
            items.MaxLength ??= list.ItemLength;
        }
        return Task.CompletedTask;
    }
}
