using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// Registered only for the services' own in-process tests (Development and <c>Identity:InProcessTests</c>): every caller is a
/// test user holding the service's scopes. Never registered in the running system.
/// </summary>
public sealed class DevelopmentAuthenticationHandler(
    IOptionsMonitor<DevelopmentAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<DevelopmentAuthenticationOptions>(options, logger, encoder)
{
    public const string SchemeName = "Development";
    public const string UserHeader = "X-Development-User";

    /// <summary>Narrows the test user's scopes to these (space-separated), as a token of a smaller role would.</summary>
    public const string ScopesHeader = "X-Development-Scopes";

    /// <summary>
    /// Binds the test user as a token would: <c>warehouse_id=PD-R-N</c>, <c>enterprise_id=…</c>, <c>district=310115</c> or
    /// <c>unit=…</c> (the value percent-encoded, since a unit's name is Chinese); one header per claim.
    /// </summary>
    public const string BindingHeader = "X-Development-Binding";

    /// <summary>Present: the request carries no identity at all, as the public's would (only anonymous endpoints answer).</summary>
    public const string AnonymousHeader = "X-Development-Anonymous";

    /// <summary>The person's stable id (a token's <c>sub</c>), when it must differ from the name: two people of one name.</summary>
    public const string SubjectHeader = "X-Development-Subject";

    private static readonly string[] Bindings = [IdentityClaims.WarehouseId, IdentityClaims.EnterpriseId, IdentityClaims.District, IdentityClaims.Unit];

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Request.Headers.ContainsKey(AnonymousHeader))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        // Lets one developer act as two people locally (a draft and its sign-off, say).
        var name = Request.Headers[UserHeader].FirstOrDefault() is { Length: > 0 and <= 100 } user ? user : "developer";
        var subject = Request.Headers[SubjectHeader].FirstOrDefault() is { Length: > 0 and <= 100 } id ? id : name;
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, subject), new(ClaimTypes.Name, name) };
        var scopes = Request.Headers[ScopesHeader].FirstOrDefault() is { } only
            ? Options.Scopes.Intersect(only.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : Options.Scopes;
        claims.AddRange(scopes.Select(s => new Claim(AuthenticationExtensions.ScopeClaim, s)));
        foreach (var binding in Request.Headers[BindingHeader])
        {
            if (binding?.Split('=', 2) is [var claim, var value] && Bindings.Contains(claim))
            {
                claims.Add(new Claim(claim, Uri.UnescapeDataString(value)));
            }
        }
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }
}
