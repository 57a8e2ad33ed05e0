namespace Hazards.API.Extensions;

/// <summary>The hazards service's authorization policies, one per scope; the identity service issues the scopes.</summary>
public static class HazardsPolicies
{
    public const string Read = "hazards:read";
    public const string Write = "hazards:write";

    public static readonly IReadOnlyCollection<string> All = [Read, Write];
}
