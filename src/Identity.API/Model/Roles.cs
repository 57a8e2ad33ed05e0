using EmergencyOps.ServiceDefaults;

namespace Identity.API.Model;

/// <summary>
/// One role of a person or a machine client: the scopes it may hold, the binding its tokens must carry, and whether
/// its holders answer for a responsible unit (责任单位) beside that binding.
/// </summary>
public sealed record Role(string Name, bool ForPeople, string? Binding, IReadOnlyList<string> Scopes, UnitRule Unit = UnitRule.None);

/// <summary>
/// Every role the bureau hands out and what each may do. A token holds the scopes asked for that its role allows
/// (all of them when none are asked for); the services enforce the scopes and the bindings.
/// </summary>
public static class Roles
{
    public const string DutyOfficer = "duty-officer";
    public const string DistrictOperator = "district-operator";
    public const string WarehouseKeeper = "warehouse-keeper";
    public const string EnterpriseUser = "enterprise-user";
    public const string Regulator = "regulator";
    public const string Admin = "admin";
    public const string Warehouse = "warehouse";
    public const string Enterprise = "enterprise";
    public const string Integrator = "integrator";
    public const string Station = "station";
    public const string Responder = "responder";

    /// <summary>Administer clients and users of the identity service itself.</summary>
    public const string IdentityAdminScope = "identity:admin";

    /// <summary>Acknowledge (签收) warnings and report their disposition; only its holders may carry a <c>unit</c>.</summary>
    public const string RespondScope = "warnings:respond";

    /// <summary>Review (accept or return) enterprises' filed risk lists in the hazard registry.</summary>
    public const string SuperviseScope = "hazards:supervise";

    /// <summary>Subscribe to webhooks and manage one's own subscriptions (the owner is the token's client).</summary>
    public const string WebhooksSubscribeScope = "webhooks:subscribe";

    /// <summary>Every webhook subscription, and endpoints on private networks.</summary>
    public const string WebhooksAdminScope = "webhooks:admin";

    private static readonly string[] Reads = ["warnings:read", "hazards:read", "inventory:read", "shelters:read"];

    public static readonly IReadOnlyList<Role> All =
    [
        // 值班员: the operations centre issues, updates, lifts and signs off warnings, and moves reserves and shelters. It
        // may also record an acknowledgement or report on a unit's behalf, so it answers for any unit and carries none
        // (the warnings service records that it acted for the unit).
        new(DutyOfficer, true, null, [.. Reads, "warnings:issue", "warnings:sign-off", RespondScope, "inventory:dispatch", "shelters:operate"]),
        // 区/街镇: acknowledges and reports on warnings, runs and inspects shelters, in its own district; it may also speak
        // for one responsible unit (the district's bureau, e.g. 黄浦区应急管理局).
        new(DistrictOperator, true, IdentityClaims.District, [.. Reads, RespondScope, "shelters:operate", "shelters:inspect"], UnitRule.Optional),
        new(WarehouseKeeper, true, IdentityClaims.WarehouseId, ["inventory:read", "inventory:write-own-stock"]),
        new(EnterpriseUser, true, IdentityClaims.EnterpriseId, ["hazards:read", "hazards:write-own", "hazards:scan"]),
        // Reads across enterprises, anomalies and major hazard sources, and reviews enterprises' filed risk lists
        // (风险管控清单备案: accept or return); changes nothing else.
        new(Regulator, true, null, [.. Reads, SuperviseScope]),
        // Registry administrators: the catalogue, the tables, clients and people, and records entered on a unit's
        // behalf (a paper registration, a stock count): unbound, so for any enterprise or warehouse, and logged by name.
        new(Admin, true, null, [.. Reads, "hazards:write", "hazards:write-own", "hazards:scan", "hazards:admin", SuperviseScope, "warnings:admin",
            "inventory:manage", "inventory:write-own-stock", "shelters:manage", "shelters:admin", IdentityAdminScope, WebhooksAdminScope, WebhooksSubscribeScope]),
        new(Warehouse, false, IdentityClaims.WarehouseId, ["inventory:read", "inventory:write-own-stock"]),
        new(Enterprise, false, IdentityClaims.EnterpriseId, ["hazards:read", "hazards:write-own", "hazards:scan"]),
        // Integrators read and subscribe to webhooks (their own subscriptions only); they never write.
        new(Integrator, false, null, [.. Reads, WebhooksSubscribeScope]),
        // A responsible unit's dispatch system (the gas company, the drainage centre) acknowledges and reports on warnings,
        // for its own unit only: without one it could answer for nobody.
        new(Responder, false, null, ["warnings:read", RespondScope], UnitRule.Required),
        // Monitoring stations post readings and nothing else.
        new(Station, false, null, ["warnings:readings"]),
    ];

    /// <summary>Every scope any role holds, as the server announces them.</summary>
    public static readonly IReadOnlyList<string> Scopes = [.. All.SelectMany(r => r.Scopes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Every service that accepts these tokens. A token names them all, so a caller lacking a scope is told 403 (known,
    /// not allowed) rather than 401; a token minted for anything else is still refused as not meant for us.
    /// </summary>
    public static readonly IReadOnlyList<string> Audiences = [.. Scopes.Select(Audience).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public static Role? Find(string? name) => All.FirstOrDefault(r => r.Name == name);

    /// <summary>The audience of a scope: the service named before its colon (<c>inventory:read</c> → <c>inventory</c>).</summary>
    public static string Audience(string scope) => scope.Split(':')[0];
}
