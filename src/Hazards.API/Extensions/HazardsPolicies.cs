using EmergencyOps.ServiceDefaults;
using Microsoft.AspNetCore.Authorization;

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

    /// <summary>
    /// Regulators: review enterprises' filed risk lists (风险管控清单备案), report hidden dangers found in their inspections,
    /// verify or reject reported ones, review major ones and list them for supervision (挂牌督办).
    /// </summary>
    public const string Supervise = "hazards:supervise";

    /// <summary>
    /// An inspection's report or a review of a hidden danger: by the enterprise itself (<see cref="WriteOwn"/>) or by a
    /// regulator (<see cref="Supervise"/>); the handler decides what each may do.
    /// </summary>
    public static AnyScopeAttribute EnterpriseOrRegulator => new(WriteOwn, Supervise);

    public static readonly IReadOnlyCollection<string> All = [Read, Write, WriteOwn, Scan, Admin, Supervise];
}
