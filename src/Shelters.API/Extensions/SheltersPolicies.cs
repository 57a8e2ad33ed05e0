namespace Shelters.API.Extensions;

/// <summary>The shelter registry's authorization policies, one per scope; the identity service issues the scopes.</summary>
public static class SheltersPolicies
{
    /// <summary>Query shelters, availability, exports (the public and the operations centre).</summary>
    public const string Read = "shelters:read";

    /// <summary>Register shelters (administrators).</summary>
    public const string Manage = "shelters:manage";

    /// <summary>Change status and post occupancy (operators at the shelter and the operations centre).</summary>
    public const string Operate = "shelters:operate";

    /// <summary>Record inspections (inspectors).</summary>
    public const string Inspect = "shelters:inspect";

    /// <summary>Correct and delete registered shelters (registry administrators); every such change is logged.</summary>
    public const string Admin = "shelters:admin";

    public static readonly IReadOnlyCollection<string> All = [Read, Manage, Operate, Inspect, Admin];
}
