namespace Hazards.API.Extensions;

/// <summary>The hazard registry's authorization policies, one per scope; the identity service issues the scopes.</summary>
public static class HazardsPolicies
{
    /// <summary>Resolve codes, read enterprises, the catalogue, traces and major hazard sources (regulators, the public via codes).</summary>
    public const string Read = "hazards:read";

    /// <summary>Register enterprises (the registry's operators at the bureau).</summary>
    public const string Write = "hazards:write";

    /// <summary>An enterprise's own products, SDS, labels and units (the token carries the enterprise).</summary>
    public const string WriteOwn = "hazards:write-own";

    /// <summary>Record scans along a product's life (enterprises' scanners and licensed warehouses).</summary>
    public const string Scan = "hazards:scan";

    /// <summary>Maintain the chemical catalogue and the GB 18218 tables (administrators).</summary>
    public const string Admin = "hazards:admin";

    /// <summary>
    /// Claim an enterprise's token carries with its registry id: such a caller writes only its own
    /// products, units and scans. Bureau operators' tokens carry none and act for any enterprise.
    /// </summary>
    public const string EnterpriseClaim = "enterprise_id";

    public static readonly IReadOnlyCollection<string> All = [Read, Write, WriteOwn, Scan, Admin];
}
