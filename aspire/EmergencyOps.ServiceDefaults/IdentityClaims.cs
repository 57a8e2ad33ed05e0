namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// The claims the identity service puts into access tokens and every service reads: one name each, in one place.
/// A binding claim ties a caller to its own records; a caller without one acts for the whole city.
/// </summary>
public static class IdentityClaims
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Scope = "scope";
    public const string ClientId = "client_id";

    /// <summary>A warehouse client or keeper: posts stock changes to, and reads the ledger of, this warehouse only.</summary>
    public const string WarehouseId = "warehouse_id";

    /// <summary>An enterprise client or user: its own products, units and codes only (registry id).</summary>
    public const string EnterpriseId = "enterprise_id";

    /// <summary>A district operator (区/街镇): sees and acts on this district only (GB/T 2260 code).</summary>
    public const string District = "district";

    /// <summary>
    /// A responsible unit (责任单位) by the name warnings list it under, e.g. 上海燃气有限公司: acknowledges (签收) and reports
    /// disposition for this unit only. Carried beside a role's own binding (a district operator of 310101 may speak for
    /// 黄浦区应急管理局).
    /// </summary>
    public const string Unit = "unit";
}
