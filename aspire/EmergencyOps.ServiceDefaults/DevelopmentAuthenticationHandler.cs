using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// Registered only in the Development environment without an identity authority: every caller is a
/// local developer holding the service's scopes. Never registered anywhere else.
/// </summary>
public sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<DevelopmentAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<DevelopmentAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";
    public const string UserHeader = "X-Development-User";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Lets one developer act as two people locally (a draft and its sign-off, say).
        var name = Request.Headers[UserHeader].FirstOrDefault() is { Length: > 0 and <= 100 } user ? user : "developer";
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, name), new(ClaimTypes.Name, name) };
        claims.AddRange(Options.Scopes.Select(s => new Claim(AuthenticationExtensions.ScopeClaim, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
