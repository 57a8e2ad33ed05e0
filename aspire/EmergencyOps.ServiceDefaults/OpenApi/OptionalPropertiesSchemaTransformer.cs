using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmergencyOps.ServiceDefaults.OpenApi;

/// <summary>
/// Marks required exactly what a client must send. The schema generator lists every constructor parameter of a record as
/// required, so a request's nullable fields (<c>area.polygon</c>, a note) read as mandatory, examples that leave them out
/// contradict their own schema, and clients generated from the document demand them. A nullable property is optional
/// unless declared required (<c>required</c>, <c>[JsonRequired]</c>, or <c>[Required]</c>, which the service checks); a
/// <c>[Required]</c> one is nullable in C# only so that a missing value is a 400 naming it, so its schema is not nullable.
/// </summary>
internal sealed class OptionalPropertiesSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(context);
        if (context.JsonTypeInfo.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }
        var required = schema.Required ?? new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            var checkedRequired = property.AttributeProvider?.IsDefined(typeof(RequiredAttribute), inherit: true) == true;
            if (checkedRequired)
            {
                required.Add(property.Name);
                if (properties.TryGetValue(property.Name, out var value) && value is OpenApiSchema { Type: { } type } primitive && type.HasFlag(JsonSchemaType.Null))
                {
                    primitive.Type = type & ~JsonSchemaType.Null;
                }
            }
            else if (!property.IsRequired && (property.IsSetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null))
            {
                required.Remove(property.Name);
            }
        }
        schema.Required = required.Count == 0 ? null : required;
        return Task.CompletedTask;
    }
}
