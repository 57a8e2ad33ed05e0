using System.Linq.Expressions;
using System.Security.Claims;
using EmergencyOps.ServiceDefaults;
using Inventory.API.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Apis;

/// <summary>
/// Which warehouses a caller may act for and see: the one place the inventory handlers ask. A caller whose token
/// carries <see cref="IdentityClaims.WarehouseId"/> (a warehouse client or keeper) acts for that warehouse only:
/// writes and per-warehouse reads elsewhere are refused, lists and totals are narrowed to it. A caller without the
/// claim (duty officers, administrators, regulators) acts for the whole city.
/// </summary>
public sealed class WarehouseScope(InventoryContext db, ClaimsPrincipal user, WarehouseBindings known)
{
    // The identity service writes the warehouse's code (PD-R-N) or its id: both name the same warehouse.
    private readonly string[] _bindings = [.. user.FindAll(IdentityClaims.WarehouseId).Select(c => c.Value.Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];
    private Guid[]? _own;

    /// <summary>True for a caller bound to no warehouse: it acts for the whole city.</summary>
    public bool IsCityWide => _bindings.Length == 0;

    /// <summary>The ids of the caller's own warehouses; null for a city-wide caller. A binding that names no warehouse yields none.</summary>
    public async Task<IReadOnlyList<Guid>?> OwnAsync(CancellationToken cancellationToken)
    {
        if (IsCityWide)
        {
            return null;
        }
        if (_own is null)
        {
            var own = new List<Guid>();
            var unknown = new List<string>();
            foreach (var binding in _bindings)
            {
                if (known.TryGet(binding, out var named)) own.AddRange(named);
                else unknown.Add(binding);
            }
            if (unknown.Count > 0)
            {
                own.AddRange(await LookUpAsync(unknown, cancellationToken));
            }
            _own = [.. own.Distinct()];
        }
        return _own;
    }

    private async Task<IEnumerable<Guid>> LookUpAsync(List<string> bindings, CancellationToken cancellationToken)
    {
        var asIds = bindings.ToDictionary(b => b, b => Guid.TryParse(b, out var id) ? id : (Guid?)null, StringComparer.Ordinal);
        // Lists, not arrays: EF translates Enumerable.Contains, which an array's span overloads would shadow.
        var ids = asIds.Values.OfType<Guid>().ToList();
        // Deleted warehouses too: their ledgers stay readable to their keepers, and codes are never reused.
        var found = await db.Warehouses.IgnoreQueryFilters().AsNoTracking()
            .Where(w => bindings.Contains(w.Code) || ids.Contains(w.Id)).Select(w => new { w.Id, w.Code }).ToListAsync(cancellationToken);
        foreach (var (binding, id) in asIds)
        {
            // Only what the binding names exactly is remembered; a match the database made another way is asked again next time.
            known.Remember(binding, [.. found.Where(w => w.Code == binding || w.Id == id).Select(w => w.Id)]);
        }
        return found.Select(w => w.Id);
    }

    /// <summary>True when the caller may act for, and see the records of, this warehouse.</summary>
    public async Task<bool> CoversAsync(Guid warehouseId, CancellationToken cancellationToken) =>
        await OwnAsync(cancellationToken) is not { } own || own.Contains(warehouseId);

    /// <summary>True when the caller may see a record that concerns any of these warehouses (a transfer: its source or its destination).</summary>
    public async Task<bool> CoversAnyAsync(IEnumerable<Guid> warehouseIds, CancellationToken cancellationToken) =>
        await OwnAsync(cancellationToken) is not { } own || warehouseIds.Any(own.Contains);

    /// <summary>
    /// Narrows a query to the caller's own warehouses' records (unchanged for a city-wide caller); <paramref name="visible"/>
    /// says, for the caller's warehouse ids, which rows are theirs.
    /// </summary>
    public async Task<IQueryable<T>> FilterAsync<T>(IQueryable<T> query, Func<IReadOnlyList<Guid>, Expression<Func<T, bool>>> visible, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visible);
        return await OwnAsync(cancellationToken) is { } own ? query.Where(visible(own)) : query;
    }

    /// <summary>A 403 (RFC 9457) naming the record the caller asked for and the warehouse it is bound to.</summary>
    public ProblemHttpResult NotYours(string record) =>
        TypedResults.Problem(
            $"The caller acts for warehouse {string.Join(", ", _bindings)}, not for {record}: a warehouse posts to and reads only its own stock.",
            statusCode: StatusCodes.Status403Forbidden, title: "Not your warehouse",
            extensions: new Dictionary<string, object?> { [IdentityClaims.WarehouseId] = _bindings });

    /// <summary>The refusal for a write that is not any one warehouse's (the catalogue, a new warehouse): only city-wide callers make those.</summary>
    public ProblemHttpResult CityWideOnly(string what) =>
        TypedResults.Problem(
            $"The caller acts for warehouse {string.Join(", ", _bindings)} only; {what} is the city's, changed by callers bound to no warehouse.",
            statusCode: StatusCodes.Status403Forbidden, title: "Not your warehouse",
            extensions: new Dictionary<string, object?> { [IdentityClaims.WarehouseId] = _bindings });
}
