namespace Warnings.API.Extensions;

/// <summary>The warnings service's authorization policies, one per scope; the identity service issues the scopes.</summary>
public static class WarningsPolicies
{
    public const string Read = "warnings:read";
    public const string Write = "warnings:write";

    public static readonly IReadOnlyCollection<string> All = [Read, Write];
}
