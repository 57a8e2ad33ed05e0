namespace Inventory.API.Model;

public enum StockAlertKind
{
    LowStock,
    StockRecovered,
}

/// <summary>A LowStock or StockRecovered alert as it was published, kept so the history of a warehouse's material can be read.</summary>
public class StockAlert
{
    public long Id { get; set; }

    public Guid WarehouseId { get; set; }

    public required string MaterialCode { get; set; }

    public StockAlertKind Kind { get; set; }

    public int Available { get; set; }

    public int Minimum { get; set; }

    public DateTime At { get; set; }
}

/// <summary>A ReserveReadinessReported report as it was published for a warning.</summary>
public class ReadinessReport
{
    public long Id { get; set; }

    public Guid WarningId { get; set; }

    /// <summary>The warned districts, comma-separated.</summary>
    public required string DistrictCodes { get; set; }

    public bool Ready { get; set; }

    public List<ReadinessReportLine> Shortfalls { get; set; } = [];

    public DateTime At { get; set; }
}

/// <summary>One shortfall of a readiness report.</summary>
public class ReadinessReportLine
{
    public long Id { get; set; }

    public long ReportId { get; set; }

    public Guid WarehouseId { get; set; }

    public required string DistrictCode { get; set; }

    public required string MaterialCode { get; set; }

    public int Minimum { get; set; }

    public int Available { get; set; }
}

public sealed record StockAlertResponse(long Sequence, Guid WarehouseId, string MaterialCode, StockAlertKind Kind, int Available, int Minimum, DateTime At)
{
    public static StockAlertResponse From(StockAlert a) => new(a.Id, a.WarehouseId, a.MaterialCode, a.Kind, a.Available, a.Minimum, a.At);
}

public sealed record ReadinessShortfallResponse(Guid WarehouseId, string DistrictCode, string MaterialCode, int Minimum, int Available);

public sealed record ReadinessReportResponse(Guid WarningId, IReadOnlyList<string> DistrictCodes, bool Ready, IReadOnlyList<ReadinessShortfallResponse> Shortfalls, DateTime At);
