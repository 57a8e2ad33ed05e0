using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// Endpoint metadata for "any one of these scopes" (an enterprise's own step or a regulator's, say), which policies named
/// after single scopes cannot say. The authorization middleware enforces it, and the OpenAPI document lists one security
/// requirement per scope, which OpenAPI reads as alternatives.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class AnyScopeAttribute(params string[] scopes) : Attribute, IAuthorizationRequirementData
{
    public IReadOnlyList<string> Scopes { get; } = scopes;

    public IEnumerable<IAuthorizationRequirement> GetRequirements()
    {
        yield return new DenyAnonymousAuthorizationRequirement();
        yield return new AssertionRequirement(context => Scopes.Any(context.User.HasScope));
    }
}
