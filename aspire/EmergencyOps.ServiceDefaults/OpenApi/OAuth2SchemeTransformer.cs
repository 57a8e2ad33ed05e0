using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace EmergencyOps.ServiceDefaults.OpenApi;

/// <summary>
/// Declares the one security scheme the services accept, <c>oauth2</c> (bearer tokens from the identity service), with
/// the flows clients use (client credentials for services and devices, authorization code for people) and, as its
/// scopes, exactly the scopes this document's endpoints require, so the scheme and the operations cannot disagree.
/// </summary>
internal sealed class OAuth2SchemeTransformer(IReadOnlyDictionary<string, string>? scopeDescriptions) : IOpenApiDocumentTransformer
{
    public const string SchemeName = "oauth2";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(context);
        var protectedEndpoints = context.DescriptionGroups.SelectMany(g => g.Items)
            .Select(d => EndpointAccess.Of(d, context.ApplicationServices))
            .Where(a => !a.Anonymous)
            .ToList();
        // A document of public endpoints only references no scheme; declaring one would suggest a token is needed.
        if (protectedEndpoints.Count == 0)
        {
            return Task.CompletedTask;
        }

        var scopes = protectedEndpoints.SelectMany(a => a.Scopes.Concat(a.AnyOf)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .ToDictionary(s => s, s => ScopeDescriptions.Describe(s, scopeDescriptions), StringComparer.Ordinal);
        var urls = IdentityUrls.From(context.ApplicationServices.GetRequiredService<IConfiguration>());
        var scheme = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.OAuth2,
            Description = "Bearer tokens from the EmergencyOps identity service; each operation lists the scopes it needs.",
            Flows = new OpenApiOAuthFlows
            {
                ClientCredentials = new OpenApiOAuthFlow { TokenUrl = urls.Token, Scopes = new Dictionary<string, string>(scopes) },
                AuthorizationCode = new OpenApiOAuthFlow
                {
                    AuthorizationUrl = urls.Authorize,
                    TokenUrl = urls.Token,
                    RefreshUrl = urls.Token,
                    Scopes = new Dictionary<string, string>(scopes),
                },
            },
        };
        // AddComponent also registers the scheme with the document's workspace: the operations' scheme references
        // resolve through it, and a requirement whose reference does not resolve is silently written as {}.
        document.AddComponent<IOpenApiSecurityScheme>(SchemeName, scheme);
        return Task.CompletedTask;
    }
}
