namespace EmergencyOps.AppHost.Tests;

/// <summary>
/// What each local identity may do, written out from the roles the bureau hands out (not read from the identity
/// service): the scopes each one's token must carry. The matrix test checks the tokens and every endpoint against it.
/// </summary>
public static class AccessMatrix
{
    private static readonly string[] Reads = ["warnings:read", "hazards:read", "inventory:read", "shelters:read"];

    public static readonly IReadOnlyDictionary<string, string[]> ScopesOf = new Dictionary<string, string[]>
    {
        // 值班员
        ["duty1"] = [.. Reads, "warnings:issue", "warnings:sign-off", "warnings:respond", "inventory:dispatch", "shelters:operate"],
        // 区/街镇 (bound to 310115)
        ["district-pd"] = [.. Reads, "warnings:respond", "shelters:operate", "shelters:inspect"],
        ["keeper-pd-r-n"] = ["inventory:read", "inventory:write-own-stock"],
        ["ent-jscy"] = ["hazards:read", "hazards:write-own", "hazards:scan"],
        ["regulator1"] = [.. Reads, "hazards:supervise"],
        ["admin"] = [.. Reads, "hazards:write", "hazards:write-own", "hazards:scan", "hazards:admin", "hazards:supervise", "warnings:admin",
            "inventory:manage", "inventory:write-own-stock", "shelters:manage", "shelters:admin", "identity:admin", "webhooks:admin", "webhooks:subscribe"],
        ["warehouse-pd-r-n"] = ["inventory:read", "inventory:write-own-stock"],
        ["enterprise-jscy"] = ["hazards:read", "hazards:write-own", "hazards:scan"],
        ["integrator-metro"] = [.. Reads, "webhooks:subscribe"],
        ["station-pd-01"] = ["warnings:readings"],
        ["responder-gas"] = ["warnings:read", "warnings:respond"],
    };

    /// <summary>The only operations anyone may call without a token (citizens, media, other alerting systems).</summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string>(StringComparer.Ordinal)
    {
        "GET /api/warnings/{id}/cap",
        "GET /api/warnings/{id}/versions/{version}/cap",
        "GET /api/warnings/cap.atom",
        "GET /api/warnings/active",
        "GET /api/shelters/nearest",
        "GET /api/hazards/codes/{code}/public",
        "GET /api/hazards/enterprise-codes/{code}/public",
        "POST /api/hazards/enterprise-codes/{code}/hidden-dangers",
        "GET /api/hazards/hidden-danger-receipts/{receipt}",
    };
}
