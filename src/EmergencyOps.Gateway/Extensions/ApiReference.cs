using Scalar.AspNetCore;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// The Scalar API reference at <c>/api-reference</c>: every service's document, and a token from the identity service
/// behind this same origin, as a machine client (client credentials) or as a person (authorization code with PKCE).
/// </summary>
internal static class ApiReference
{
    public const string Path = "/api-reference";

    /// <summary>
    /// The OAuth2 security scheme the reference fills in. A service document that declares a scheme of this name (with its
    /// scopes) is merged with it; one that declares none still gets it, so a token can be had for any document.
    /// </summary>
    public const string SecuritySchemeName = "oauth2";

    /// <summary>
    /// Scalar renders its configuration into an inline module script: that one is allowed by a per-request nonce (never
    /// 'unsafe-inline' for scripts), its two script files come from this origin. Its components inject style elements at
    /// run time (blocked without it, seen in Chromium), hence 'unsafe-inline' for styles only. Its fonts, telemetry, AI
    /// agent and MCP (other origins) are switched off below and not allowed here either; requests go to this origin only.
    /// </summary>
    public static string Policy(HttpContext context)
    {
        var nonce = context.Items[ScalarOptions.NonceHttpContextItemKey] as string;
        var scripts = string.IsNullOrEmpty(nonce) ? "'self'" : $"'self' 'nonce-{nonce}'";
        return $"default-src 'self'; script-src {scripts}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    public static void Configure(ScalarOptions options, HttpContext context, IEnumerable<string> documents, ApiReferenceOptions settings)
    {
        // Absolute URLs from this very request: the identity service answers on the origin the browser already uses,
        // whatever a document's own "servers" say.
        var origin = $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        options.WithTitle("EmergencyOps API")
            .WithOpenApiRoutePattern("/openapi/{documentName}/v1.json")
            .AddDocuments(documents)
            .WithNonce()
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .AddPreferredSecuritySchemes([SecuritySchemeName])
            .AddOAuth2Flows(SecuritySchemeName, flows =>
            {
                // A machine client types its id and secret; they stay in this browser tab.
                flows.ClientCredentials = new ClientCredentialsFlow { TokenUrl = $"{origin}/connect/token" };
                // A person signs in at the identity service's login page; the public client has no secret, so its id goes in the body.
                // The code comes back to the reference's own page, always the same URL (the identity service compares it exactly):
                // with the trailing slash, since the page redirects /api-reference to /api-reference/ and that drops the query.
                flows.AuthorizationCode = new AuthorizationCodeFlow
                {
                    AuthorizationUrl = $"{origin}/connect/authorize",
                    TokenUrl = $"{origin}/connect/token",
                    RedirectUri = $"{origin}{Path}/",
                    ClientId = settings.ClientId,
                    Pkce = Pkce.Sha256,
                    CredentialsLocation = CredentialsLocation.Body,
                };
            });
        // No scopes asked for means "everything the role allows" at the identity service.
        if (settings.Scopes.Count > 0)
        {
            options.AddDefaultScopes(SecuritySchemeName, settings.Scopes);
        }
    }
}
