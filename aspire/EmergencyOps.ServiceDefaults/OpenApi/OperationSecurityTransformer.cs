using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EmergencyOps.ServiceDefaults.OpenApi;

/// <summary>
/// States each operation's security: <c>[{ oauth2: [scopes] }]</c> with the 401 and 403 answers it can give, or an
/// explicit <c>[]</c> for a public one, so a reader (and a linter) never has to guess from a missing field.
/// </summary>
internal sealed class OperationSecurityTransformer : IOpenApiOperationTransformer
{
    // The name ASP.NET Core gives the ProblemDetails schema itself, so the 401/403 answers share it rather than copy it.
    private const string ProblemSchemaName = nameof(ProblemDetails);
    private const string ProblemMediaType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var access = EndpointAccess.Of(context.Description, context.ApplicationServices);
        if (access.Anonymous)
        {
            operation.Security = [];
            return;
        }

        // Operation transformers run before document transformers: the reference is by name and resolves once
        // OAuth2SchemeTransformer has added the scheme, before the document is written.
        // Several requirements are alternatives in OpenAPI: any one of them lets the caller in.
        operation.Security = [.. access.Alternatives.Select(scopes =>
            new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(OAuth2SchemeTransformer.SchemeName, context.Document)] = [.. scopes] })];
        operation.Responses ??= [];
        var scopes = access.Alternatives.Where(a => a.Count > 0).Select(a => string.Join(" and ", a)).ToList() is { Count: > 0 } named
            ? $" ({string.Join(" or ", named)})" : "";
        // UseStatusCodePages with AddProblemDetails answers both as problem details.
        await AddProblemAsync(operation, context, "401", "Unauthorized: no bearer token, or an invalid or expired one", cancellationToken);
        await AddProblemAsync(operation, context, "403", $"Forbidden: the token lacks a scope this operation needs{scopes}", cancellationToken);
    }

    // An answer the endpoint documents itself is kept as it is.
    private static async Task AddProblemAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description, CancellationToken cancellationToken)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType> { [ProblemMediaType] = new() { Schema = await ProblemSchemaAsync(context, cancellationToken) } },
        };
    }

    private static async Task<IOpenApiSchema> ProblemSchemaAsync(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Document is not { } document)
        {
            return await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken);
        }
        if (document.Components?.Schemas?.ContainsKey(ProblemSchemaName) != true)
        {
            document.AddComponent(ProblemSchemaName, await context.GetOrCreateSchemaAsync(typeof(ProblemDetails), null, cancellationToken));
        }
        return new OpenApiSchemaReference(ProblemSchemaName, document);
    }
}
