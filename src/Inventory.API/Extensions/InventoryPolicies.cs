namespace Inventory.API.Extensions;

/// <summary>The inventory service's authorization policies, one per scope; the identity service issues the scopes.</summary>
public static class InventoryPolicies
{
    /// <summary>Balances, ledgers, totals, shortfalls (the operations centre, warehouses).</summary>
    public const string Read = "inventory:read";

    /// <summary>
    /// The administrators' scope: register, correct and delete warehouses (corrections and deletions are logged with
    /// the actor), maintain the catalogue and the norms.
    /// </summary>
    public const string Manage = "inventory:manage";

    /// <summary>Post stock changes to a warehouse; the identity issue narrows it to the caller's own warehouse.</summary>
    public const string WriteOwnStock = "inventory:write-own-stock";

    /// <summary>Create, dispatch, receive and cancel transfers; make and release reservations.</summary>
    public const string Dispatch = "inventory:dispatch";

    public static readonly IReadOnlyCollection<string> All = [Read, Manage, WriteOwnStock, Dispatch];
}
