namespace Inventory.API.Extensions;

/// <summary>The inventory service's authorization policies, one per scope; the identity service issues the scopes.</summary>
public static class InventoryPolicies
{
    public const string Read = "inventory:read";
    public const string Write = "inventory:write";

    public static readonly IReadOnlyCollection<string> All = [Read, Write];
}
