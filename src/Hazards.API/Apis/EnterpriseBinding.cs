using System.Security.Claims;
using EmergencyOps.ServiceDefaults;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>
/// The enterprises a caller acts for, read from its token's <c>enterprise_id</c> claim. The identity service may put
/// either the registry id (a Guid) or the unified social credit code (GB 32100) there, since an enterprise knows itself
/// by the latter before the registry knows it by the former; both name the same enterprise. A caller without the claim
/// is the bureau's (operators, regulators, administrators) and acts for every enterprise. A claim that names no
/// registered enterprise binds the caller to nothing: it may read and write nothing enterprise-specific.
/// </summary>
public sealed class EnterpriseBinding
{
    private readonly HashSet<Guid> _own;
    private readonly List<Guid> _ownList;
    private readonly List<Guid?> _ownNullable;

    private EnterpriseBinding(bool bound, HashSet<Guid> own)
    {
        Bound = bound;
        _own = own;
        // Lists for the queries (EF translates List.Contains as a parameter); nullable copies for the nullable columns.
        _ownList = [.. own];
        _ownNullable = [.. own.Select(id => (Guid?)id)];
    }

    public static EnterpriseBinding Unbound { get; } = new(false, []);

    /// <summary>True for an enterprise's client or user; false for the bureau's callers.</summary>
    public bool Bound { get; }

    public IReadOnlyCollection<Guid> Enterprises => _own;

    public static async Task<EnterpriseBinding> ResolveAsync(ClaimsPrincipal user, HazardsContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var values = user.FindAll(IdentityClaims.EnterpriseId).Select(c => c.Value.Trim()).ToList();
        if (values.Count == 0)
        {
            return Unbound;
        }
        var own = values.Select(v => Guid.TryParse(v, out var id) ? id : (Guid?)null).OfType<Guid>().ToHashSet();
        var creditCodes = values.Where(v => v.Length > 0 && !Guid.TryParse(v, out _)).Select(v => v.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        if (creditCodes.Count > 0)
        {
            own.UnionWith(await db.Enterprises.AsNoTracking().Where(e => creditCodes.Contains(e.CreditCode)).Select(e => e.Id).ToListAsync(cancellationToken));
        }
        return new EnterpriseBinding(true, own);
    }

    /// <summary>Writes for, and per-enterprise reads of, <paramref name="enterpriseId"/>.</summary>
    public bool MayActFor(Guid enterpriseId) => !Bound || _own.Contains(enterpriseId);

    /// <summary>
    /// A code's details, SDS and label history, trace and anomalies: the enterprise it was issued to, the one holding it and
    /// the consignee it is being shipped to (which must know what arrives). Anyone reads the public part (<see cref="PublicCodeApi"/>).
    /// </summary>
    public bool MayRead(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return MayRead(product.EnterpriseId, product.HolderEnterpriseId, product.InTransitTo);
    }

    /// <summary>The same, from a resolution's owner, holder and consignee (a cached one: the product row is not read).</summary>
    public bool MayRead(Guid owner, Guid? holder, Guid? consignee) =>
        !Bound || _own.Contains(owner) || (holder is { } h && _own.Contains(h)) || (consignee is { } c && _own.Contains(c));

    /// <summary>
    /// Scans: the holder and the consignee of the latest shipping, or the owner before the code is commissioned (it has no
    /// holder yet). Anyone else's scan is refused here and never reaches the trace rules, so it leaves no anomaly either.
    /// </summary>
    public bool MayScan(Product product)
    {
        ArgumentNullException.ThrowIfNull(product);
        return !Bound || Involves(product) || (product.LastSequence == 0 && _own.Contains(product.EnterpriseId));
    }

    public IQueryable<Enterprise> Filter(IQueryable<Enterprise> enterprises) =>
        Bound ? enterprises.Where(e => _ownList.Contains(e.Id)) : enterprises;

    /// <summary>The products the caller may read: its own, and those it holds or is receiving.</summary>
    public IQueryable<Product> Filter(IQueryable<Product> products) =>
        Bound ? products.Where(p => _ownList.Contains(p.EnterpriseId) || _ownNullable.Contains(p.HolderEnterpriseId) || _ownNullable.Contains(p.InTransitTo)) : products;

    public IQueryable<HazardUnit> Filter(IQueryable<HazardUnit> units) =>
        Bound ? units.Where(u => _ownList.Contains(u.EnterpriseId)) : units;

    /// <summary>Refused scans by the caller, and refused scans of codes issued to it (someone else scanning its product).</summary>
    public IQueryable<ScanAnomaly> Filter(IQueryable<ScanAnomaly> anomalies, IQueryable<Product> products) =>
        Bound ? anomalies.Where(a => _ownList.Contains(a.ActorEnterpriseId) || products.Any(p => p.Code == a.Code && _ownList.Contains(p.EnterpriseId))) : anomalies;

    private bool Involves(Product product) =>
        (product.HolderEnterpriseId is { } holder && _own.Contains(holder)) || (product.InTransitTo is { } consignee && _own.Contains(consignee));
}
