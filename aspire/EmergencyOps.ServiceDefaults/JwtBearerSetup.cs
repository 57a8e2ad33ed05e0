using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// Validates tokens against the identity service: issuer, audience, lifetime, and signing keys read from its discovery
/// document. The document names the public issuer's addresses (through the gateway); a service inside the system
/// fetches them from the identity service directly instead, so no service depends on the gateway to check a token.
/// </summary>
internal sealed class JwtBearerSetup(TokenSettings settings) : IPostConfigureOptions<JwtBearerOptions>
{
    public void PostConfigure(string? name, JwtBearerOptions options)
    {
        options.MapInboundClaims = false;
        options.RequireHttpsMetadata = settings.RequireHttpsMetadata;
        options.TokenValidationParameters.ValidIssuer = settings.Issuer?.AbsoluteUri;
        options.TokenValidationParameters.ValidAudiences = settings.Audiences;
        options.TokenValidationParameters.ValidateAudience = true;
        options.TokenValidationParameters.ValidateIssuer = true;
        options.TokenValidationParameters.ValidateLifetime = true;
        options.TokenValidationParameters.RequireExpirationTime = true;
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(30);
        options.TokenValidationParameters.NameClaimType = IdentityClaims.Name;
        options.TokenValidationParameters.RoleClaimType = IdentityClaims.Role;
        if (settings.Authority is not { } authority)
        {
            // Nothing to discover keys from: every token fails validation (401), never a 500.
            return;
        }
        var http = new HttpClient(options.BackchannelHttpHandler ?? new HttpClientHandler()) { Timeout = options.BackchannelTimeout };
        var retriever = new AddressRewritingRetriever(new HttpDocumentRetriever(http) { RequireHttps = settings.RequireHttpsMetadata }, settings.Issuer ?? authority, authority);
        options.MetadataAddress = new Uri(authority, ".well-known/openid-configuration").AbsoluteUri;
        options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            options.MetadataAddress, new OpenIdConnectConfigurationRetriever(), retriever)
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(1),
            RefreshInterval = TimeSpan.FromSeconds(30),
        };
    }
}

/// <summary>Reads addresses under the public issuer from the identity service's own address.</summary>
internal sealed class AddressRewritingRetriever(IDocumentRetriever inner, Uri issuer, Uri authority) : IDocumentRetriever
{
    public Task<string> GetDocumentAsync(string address, CancellationToken cancel) =>
        inner.GetDocumentAsync(
            address.StartsWith(issuer.AbsoluteUri, StringComparison.Ordinal) ? authority.AbsoluteUri + address[issuer.AbsoluteUri.Length..] : address,
            cancel);
}
