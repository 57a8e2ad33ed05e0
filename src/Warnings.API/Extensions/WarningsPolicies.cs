namespace Warnings.API.Extensions;

/// <summary>The warnings service's authorization policies, one per scope; the identity service issues the scopes.</summary>
public static class WarningsPolicies
{
    /// <summary>Read warnings, the feed, responses; CAP and Atom of exercises (real warnings' CAP, Atom and active list are public). A district operator: its district only.</summary>
    public const string Read = "warnings:read";

    /// <summary>Operations centre: issue, update, lift and cancel warnings; act on suggestions.</summary>
    public const string Issue = "warnings:issue";

    /// <summary>A second person signs off warnings that need it.</summary>
    public const string SignOff = "warnings:sign-off";

    /// <summary>Responsible units acknowledge and report disposition.</summary>
    public const string Respond = "warnings:respond";

    /// <summary>Monitoring stations post readings.</summary>
    public const string Readings = "warnings:readings";

    /// <summary>Administrators configure thresholds.</summary>
    public const string Admin = "warnings:admin";

    public static readonly IReadOnlyCollection<string> All = [Read, Issue, SignOff, Respond, Readings, Admin];
}
