using System.Security.Claims;
using EmergencyOps.ServiceDefaults;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Identity.API.Model;

/// <summary>
/// What an access token says about its holder: who, which role, bound to what, answering for which responsible unit,
/// allowed which scopes, for which services.
/// </summary>
public static class TokenClaims
{
    /// <summary>Scopes of the protocol itself, granted whenever asked for.</summary>
    private static readonly string[] ProtocolScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Roles, Scopes.OfflineAccess];

    public static ClaimsPrincipal Build(string subject, string name, Role role, string? binding, string? unit, IEnumerable<string> requested)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject)
            .SetClaim(Claims.Name, name)
            .SetClaim(Claims.Role, role.Name);
        if (role.Binding is { } claim && binding is not null)
        {
            identity.SetClaim(claim, binding);
        }
        // As for bindings, only a role that takes a unit passes one on: a unit kept from a role since changed answers for nobody.
        if (role.Unit is not UnitRule.None && unit is not null)
        {
            identity.SetClaim(IdentityClaims.Unit, unit);
        }

        var asked = requested.ToHashSet(StringComparer.Ordinal);
        // Asking for no service scope means "everything my role allows"; asking for some narrows the token to those.
        var granted = asked.Any(s => s.Contains(':', StringComparison.Ordinal))
            ? role.Scopes.Where(asked.Contains)
            : role.Scopes;
        var scopes = granted.Concat(ProtocolScopes.Where(asked.Contains)).ToList();
        identity.SetScopes(scopes);
        identity.SetResources(Roles.Audiences);
        identity.SetDestinations(c => c.Type is Claims.Name or Claims.Role or IdentityClaims.District or IdentityClaims.WarehouseId or IdentityClaims.EnterpriseId
                or IdentityClaims.Unit
            ? [Destinations.AccessToken, Destinations.IdentityToken]
            : [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
