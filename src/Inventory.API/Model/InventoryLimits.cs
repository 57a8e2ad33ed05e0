namespace Inventory.API.Model;

/// <summary>
/// The inventory's input limits, written once: the request types' attributes (and so the OpenAPI document), the
/// handlers and the EF column sizes all read them, so what a client is told is what the database can hold.
/// </summary>
public static class InventoryLimits
{
    /// <summary>Warehouse and material codes (the columns were already 40 wide; codes like "PD-S-LJZ" are far shorter).</summary>
    public const int Code = 40;

    /// <summary>A warehouse's name, e.g. "浦东新区北片区域库(高桥)".</summary>
    public const int Name = 200;

    /// <summary>A catalogue entry's name, e.g. "移动式排涝泵(50m³/h)".</summary>
    public const int MaterialName = 100;

    /// <summary>A unit of count: 个, 件, 箱, 台.</summary>
    public const int Unit = 20;

    /// <summary>GB/T 2260 district codes are six digits.</summary>
    public const int DistrictCode = 6;

    public const int Address = 400;

    /// <summary>A warehouse manager or the actor of a change.</summary>
    public const int PersonName = 100;

    public const int Batch = 60;

    public const int VoucherReference = 100;

    /// <summary>The reason of a stock change or a transfer.</summary>
    public const int Reason = 400;

    /// <summary>Shorter than <see cref="Reason"/>: the ledger's reason of a short receipt is "short by N: " and this.</summary>
    public const int ShortReason = Reason - 40;

    /// <summary>Enum names as stored (tier, category, ledger kind, transfer status, change kind).</summary>
    public const int EnumName = 30;

    /// <summary>What a correction changed, field by field, old and new (all fields at most about 1,600 characters).</summary>
    public const int ChangeSummary = 4_000;

    /// <summary>Units of one stock change, transfer or reservation: far above any single delivery or issue.</summary>
    public const int MaxQuantity = 1_000_000;

    /// <summary>
    /// The most one warehouse may hold of one material. A change that would go beyond it is refused (409 naming the
    /// quantity); balances, reservations and norms stay far from the 32-bit limit, so reading them back never overflows.
    /// </summary>
    public const int MaxBalance = 1_000_000_000;

    /// <summary>Storage area in m²: the largest logistics parks are some 100 ha.</summary>
    public const double MaxCapacity = 1_000_000;

    // The municipality with a margin, as Districts.IsWithinShanghai (Chongming to Jinshan, Qingpu to the outer islands).
    public const double MinLatitude = 30.5;
    public const double MaxLatitude = 32.0;
    public const double MinLongitude = 120.8;
    public const double MaxLongitude = 122.5;

    /// <summary>A century: beyond any material's shelf life, and every expiry stays within the [Moment] window.</summary>
    public const int MaxShelfLifeDays = 36_500;

    /// <summary>How far ahead <c>GET /batches/expiring?days=</c> looks: ten years.</summary>
    public const int MaxExpiringDays = 3_650;

    /// <summary>How many warehouses <c>nearest</c> lists.</summary>
    public const int MaxNearest = 50;

    /// <summary>The batches one transfer may carry (FEFO may split it); a larger one is split by the dispatcher.</summary>
    public const int MaxTransferLines = 100;

    /// <summary>
    /// The transfer's lines as JSON: per line {"batch":"…","expiry":"yyyy-MM-dd","quantity":1000000} with a 60-character
    /// batch escaped as \uXXXX at worst (360 characters), about 420 characters.
    /// </summary>
    public const int TransferLinesJson = MaxTransferLines * 420;

    /// <summary>The most readiness reports of one warning listed (one per orange or red issue or update; newest first).</summary>
    public const int MaxReadinessReports = 200;
}
