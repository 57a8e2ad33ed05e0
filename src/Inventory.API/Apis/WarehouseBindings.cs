using System.Collections.Concurrent;

namespace Inventory.API.Apis;

/// <summary>
/// The warehouses each warehouse binding in callers' tokens names, remembered once found, so a warehouse's every request
/// does not look its own warehouse up again. Codes are never changed or reused (deleted warehouses keep theirs) and ids
/// never change, so a binding that named a warehouse names it for good. A binding that names none is not remembered:
/// the warehouse may be registered later. One per service (and so per database), never shared across them.
/// </summary>
public sealed class WarehouseBindings
{
    // Bounded by the warehouses that exist: only bindings that named one are kept.
    private readonly ConcurrentDictionary<string, Guid[]> _named = new(StringComparer.Ordinal);

    public bool TryGet(string binding, out Guid[] warehouses) => _named.TryGetValue(binding, out warehouses!);

    public void Remember(string binding, Guid[] warehouses)
    {
        if (warehouses.Length > 0)
        {
            _named.TryAdd(binding, warehouses);
        }
    }
}
