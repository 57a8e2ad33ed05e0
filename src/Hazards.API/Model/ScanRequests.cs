using EmergencyOps.ServiceDefaults.Input;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Model;

public sealed record ScanRequest(
    [property: OneOf(typeof(ScanStep))] string? Step,
    Guid? ActorEnterpriseId,
    [property: Bounded(-90.0, 90.0)] double? Latitude,
    [property: Bounded(-180.0, 180.0)] double? Longitude,
    [property: Text(AddressLength)] string? Address,
    [property: Bounded(0.0, MaxScanQuantity)] decimal? Quantity,
    [property: OneOf("kg", "t", "L", "m3", "pcs")] string? Unit,
    [property: Moment] DateTimeOffset? ScannedAt,
    [property: Text(PersonNameLength)] string? Operator,
    [property: Text(WaybillLength)] string? Waybill,
    Guid? ConsigneeEnterpriseId);

public sealed record ScanResponse(
    string Code, int Sequence, ScanStep Step, Guid ActorEnterpriseId, double? Latitude, double? Longitude, string? Address,
    decimal Quantity, string Unit, decimal RemainingAfter, DateTimeOffset ScannedAt, DateTime RecordedAt, string Operator,
    string? Waybill, Guid? ConsigneeEnterpriseId, string? ChildCode)
{
    public static ScanResponse From(ScanEvent s) => new(s.Code, s.Sequence, s.Step, s.ActorEnterpriseId, s.Latitude, s.Longitude, s.Address,
        s.Quantity, s.Unit, s.RemainingAfter, s.ScannedAt, s.RecordedAt, s.Operator, s.Waybill, s.ConsigneeEnterpriseId, s.ChildCode);
}

public sealed record AnomalyResponse(Guid Id, string Code, ScanStep Step, string Rule, string Detail, Guid ActorEnterpriseId, string DistrictCode,
    decimal Quantity, string? Unit, DateTimeOffset ScannedAt, DateTime DetectedAt, string Operator)
{
    public static AnomalyResponse From(ScanAnomaly a) =>
        new(a.Id, a.Code, a.Step, a.Rule, a.Detail, a.ActorEnterpriseId, a.DistrictCode, a.Quantity, a.Unit, a.ScannedAt, a.DetectedAt, a.Operator);
}

public static class ScanValidation
{
    /// <summary>The units a quantity is counted in (the request's <c>[OneOf]</c> names them for the contract).</summary>
    public static readonly string[] Units = ["kg", "t", "L", "m3", "pcs"];

    public static Dictionary<string, string[]> Validate(ScanRequest r, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        if (!EnumNames.TryParse<ScanStep>(r.Step, out var step)) Fail("step", $"Step is one of: {EnumNames.List<ScanStep>()}.");
        if (r.ActorEnterpriseId is null) Fail("actorEnterpriseId", "The enterprise that scans is required.");
        if (r.Latitude is null != r.Longitude is null) Fail("latitude", "Give both latitude and longitude, or neither.");
        if (r.Latitude is { } lat && r.Longitude is { } lon && (lat is < -90 or > 90 || lon is < -180 or > 180)) Fail("latitude", "Latitude −90…90 and longitude −180…180 (WGS-84).");
        if (r.Latitude is null && string.IsNullOrWhiteSpace(r.Address)) Fail("address", "A location is required: coordinates, an address, or both.");
        var zeroAllowed = step == ScanStep.CycleCounting;
        if (r.Quantity is not { } q || q < 0 || (q == 0 && !zeroAllowed)) Fail("quantity", zeroAllowed ? "A counted quantity of 0 or more." : "A quantity above 0.");
        if (!Units.Contains(r.Unit)) Fail("unit", $"Unit is one of: {string.Join(", ", Units)}.");
        if (r.ScannedAt is { } at && at > now.AddMinutes(5)) Fail("scannedAt", "A scan cannot be dated in the future.");
        if (string.IsNullOrWhiteSpace(r.Operator)) Fail("operator", "The operator who scanned is required.");
        if (step == ScanStep.Shipping)
        {
            if (r.ConsigneeEnterpriseId is null) Fail("consigneeEnterpriseId", "Shipping names the consignee enterprise.");
            if (string.IsNullOrWhiteSpace(r.Waybill)) Fail("waybill", "Shipping carries a waybill number (电子运单).");
        }
        else if (r.ConsigneeEnterpriseId is not null)
        {
            Fail("consigneeEnterpriseId", "Only shipping names a consignee.");
        }
        return errors;
    }
}
