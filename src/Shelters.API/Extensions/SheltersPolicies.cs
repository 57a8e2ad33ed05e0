namespace Shelters.API.Extensions;

/// <summary>The shelters service's authorization policies, one per scope; the identity service issues the scopes.</summary>
public static class SheltersPolicies
{
    public const string Read = "shelters:read";
    public const string Write = "shelters:write";

    public static readonly IReadOnlyCollection<string> All = [Read, Write];
}
