using Identity.API.Model;

namespace Identity.API.Extensions;

/// <summary>The identity service's own authorization policy: administering clients and people.</summary>
public static class IdentityPolicies
{
    public const string Admin = Roles.IdentityAdminScope;
}
