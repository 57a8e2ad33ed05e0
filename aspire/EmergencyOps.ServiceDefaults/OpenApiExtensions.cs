using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.OpenApi;

namespace EmergencyOps.ServiceDefaults;

/// <summary>An example request body attached to an endpoint; the OpenAPI document shows it.</summary>
public sealed record RequestExample(object Body);

public static class OpenApiExtensions
{
    /// <summary>
    /// The service's OpenAPI document, with the request examples its endpoints declare and the security they require:
    /// an <c>oauth2</c> scheme listing the scopes the endpoints use, and each operation's scopes (or none, when public).
    /// </summary>
    /// <param name="builder">The service's builder.</param>
    /// <param name="scopeDescriptions">
    /// The service's wording for its scopes (scope → short text); scopes it does not word get a text derived from their name.
    /// </param>
    public static IHostApplicationBuilder AddDefaultOpenApi(this IHostApplicationBuilder builder, IReadOnlyDictionary<string, string>? scopeDescriptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOpenApi(o =>
        {
            o.AddOperationTransformer<RequestExampleTransformer>();
            o.AddOperationTransformer<OpenApi.OperationSecurityTransformer>();
            o.AddDocumentTransformer(new OpenApi.OAuth2SchemeTransformer(scopeDescriptions));
            o.AddSchemaTransformer<Input.EnumSchemaTransformer>();
            o.AddDocumentTransformer<Input.EnumSchemaTransformer>();
            o.AddSchemaTransformer<Input.InputSchemaTransformer>();
            o.AddSchemaTransformer<OpenApi.TimeSchemaTransformer>();
            o.AddSchemaTransformer<OpenApi.OptionalPropertiesSchemaTransformer>();
        });
        return builder;
    }

    public static RouteHandlerBuilder WithRequestExample(this RouteHandlerBuilder builder, object body) =>
        builder.WithMetadata(new RequestExample(body));
}

/// <summary>Writes each endpoint's <see cref="RequestExample"/> into its request body's JSON media type.</summary>
internal sealed class RequestExampleTransformer : IOpenApiOperationTransformer
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var example = context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestExample>().LastOrDefault();
        if (example is not null && operation.RequestBody?.Content is { } content)
        {
            foreach (var media in content.Where(m => m.Key.Contains("json", StringComparison.OrdinalIgnoreCase)))
            {
                media.Value.Example = JsonSerializer.SerializeToNode(example.Body, example.Body.GetType(), Json);
            }
        }
        return Task.CompletedTask;
    }
}
