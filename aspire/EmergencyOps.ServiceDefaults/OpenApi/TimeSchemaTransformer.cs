using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmergencyOps.ServiceDefaults.OpenApi;

/// <summary>
/// Keeps times described as <c>date-time</c> strings. The schema generator cannot see through a custom converter, and the
/// time converters (<see cref="Times.ChinaDateTimeConverter"/>) are custom: it keeps the format but drops the type. The
/// type is put back as the generator writes it for the built-in converters (with <c>null</c> for a nullable time).
/// </summary>
internal sealed class TimeSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        var type = context.JsonTypeInfo.Type;
        var time = Nullable.GetUnderlyingType(type) ?? type;
        if (schema.Type is null && (time == typeof(DateTime) || time == typeof(DateTimeOffset)))
        {
            schema.Type = time == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }
        return Task.CompletedTask;
    }
}
