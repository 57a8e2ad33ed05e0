namespace Hazards.API.Model;

/// <summary>Life-cycle steps, after the GS1 EPCIS business steps.</summary>
public enum ScanStep
{
    Commissioning,
    Shipping,
    Loading,
    Receiving,
    Storing,
    Dispensing,
    Repackaging,
    CycleCounting,
    Disposal,
}

/// <summary>One entry of a code's append-only trace.</summary>
public class ScanEvent
{
    public long Id { get; set; }

    public required string Code { get; set; }

    /// <summary>Position in the code's trace, from 1, unique per code.</summary>
    public int Sequence { get; set; }

    public ScanStep Step { get; set; }

    public Guid ActorEnterpriseId { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public string? Address { get; set; }

    public decimal Quantity { get; set; }

    public required string Unit { get; set; }

    public decimal RemainingAfter { get; set; }

    public DateTimeOffset ScannedAt { get; set; }

    public DateTime RecordedAt { get; set; }

    public required string Operator { get; set; }

    public string? Waybill { get; set; }

    public Guid? ConsigneeEnterpriseId { get; set; }

    public string? ChildCode { get; set; }
}

/// <summary>A refused scan, kept so regulators see attempts that break the trace rules.</summary>
public class ScanAnomaly
{
    public Guid Id { get; set; } = Guid.NewGuid();

    public required string Code { get; set; }

    public ScanStep Step { get; set; }

    public required string Rule { get; set; }

    public required string Detail { get; set; }

    public Guid ActorEnterpriseId { get; set; }

    /// <summary>The actor's district (GB/T 2260): the regulator who follows it up.</summary>
    public required string DistrictCode { get; set; }

    public decimal Quantity { get; set; }

    public string? Unit { get; set; }

    public DateTimeOffset ScannedAt { get; set; }

    public DateTime DetectedAt { get; set; }

    public required string Operator { get; set; }
}
