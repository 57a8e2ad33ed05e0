using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>Names that <see cref="OneOfAttribute"/> accepts become the schema's <c>enum</c> (of the items, for a list).</summary>
internal sealed class OneOfSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var oneOf = context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(OneOfAttribute), inherit: true)
            .OfType<OneOfAttribute>().FirstOrDefault();
        if (oneOf is null)
        {
            return Task.CompletedTask;
        }
        var target = schema.Items is OpenApiSchema items ? items : schema;
        target.Enum = [.. oneOf.Names.Select(n => (JsonNode)JsonValue.Create(n))];
        return Task.CompletedTask;
    }
}
