namespace Hazards.API.Extensions;

/// <summary>The hazard registry's authorization policies, one per scope; the identity service issues the scopes.</summary>
public static class HazardsPolicies
{
    /// <summary>Resolve codes in full, read enterprises, the catalogue, traces and major hazard sources (an enterprise: its own only). The public reads a code's safety information without a token.</summary>
    public const string Read = "hazards:read";

    /// <summary>Register enterprises (the registry's operators at the bureau).</summary>
    public const string Write = "hazards:write";

    /// <summary>An enterprise's own products, SDS, labels, units, risk points and risk-list filings (the token carries the enterprise).</summary>
    public const string WriteOwn = "hazards:write-own";

    /// <summary>Record scans along a product's life (enterprises' scanners and licensed warehouses).</summary>
    public const string Scan = "hazards:scan";

    /// <summary>Maintain the chemical catalogue and the GB 18218 tables (administrators).</summary>
    public const string Admin = "hazards:admin";

    /// <summary>Review enterprises' filed risk lists (风险管控清单备案): accept or return them (regulators).</summary>
    public const string Supervise = "hazards:supervise";

    public static readonly IReadOnlyCollection<string> All = [Read, Write, WriteOwn, Scan, Admin, Supervise];
}
