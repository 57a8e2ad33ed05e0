using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// Validates tokens against the identity service: issuer (the public origin, which may differ from where this service
/// reaches the identity service), audience, lifetime, and the signing keys its discovery document names. The document
/// names addresses on the host it was asked on, so a service inside the system fetches the keys from the identity
/// service directly and never depends on the gateway to check a token.
/// </summary>
/// <remarks>A configure step, not a post-configure one: JwtBearer's own post-configure builds the key discovery from the authority set here.</remarks>
internal sealed class JwtBearerSetup(TokenSettings settings, ValidatedTokens tokens) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);

    public void Configure(string? name, JwtBearerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Before MapInboundClaims, which the options pass on to the handlers they hold.
        options.TokenHandlers.Clear();
        options.TokenHandlers.Add(tokens);
        options.MapInboundClaims = false;
        // Nothing here reads the caller's token back, and a saved copy would live as long as the request: a live feed's
        // request lives for hours, one copy (about 2.4 KB) for each of its thousands of subscribers.
        options.SaveToken = false;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        // Without an authority there is nothing to discover keys from: every token fails validation (401), never a 500.
        options.Authority = settings.Authority?.AbsoluteUri;
        options.TokenValidationParameters.ValidIssuer = settings.Issuer?.AbsoluteUri;
        options.TokenValidationParameters.ValidAudiences = settings.Audiences;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidateLifetime = true;
        options.TokenValidationParameters.RequireExpirationTime = true;
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        options.TokenValidationParameters.NameClaimType = IdentityClaims.Name;
        options.TokenValidationParameters.RoleClaimType = IdentityClaims.Role;
    }
}
