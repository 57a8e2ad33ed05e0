using Hazards.API.Model;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hazards.API.Infrastructure;

/// <summary>Shows the bounds of criterion numbers (<see cref="CriterionNumbersAttribute"/>): each item 1 to 20.</summary>
internal sealed class CriterionNumbersSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo?.AttributeProvider?.GetCustomAttributes(typeof(CriterionNumbersAttribute), inherit: true).Length > 0
            && schema.Items is OpenApiSchema items)
        {
            items.Minimum = "1";
            items.Maximum = MajorDangerCriteria.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return Task.CompletedTask;
    }
}
