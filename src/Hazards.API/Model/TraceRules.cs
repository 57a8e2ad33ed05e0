namespace Hazards.API.Model;

/// <summary>A broken trace rule: a machine name for integrators, the HTTP status and a sentence for people.</summary>
public sealed record TraceViolation(string Rule, int Status, string Detail);

/// <summary>A scan as the rules see it, already validated field by field.</summary>
public sealed record ScanAttempt(ScanStep Step, Guid Actor, decimal Quantity, string Unit, DateTimeOffset ScannedAt, Guid? Consignee);

/// <summary>
/// The order a product's life may take. Checked against the state the trace has reached, so an
/// impossible sequence (dispensing after disposal, a receipt by someone it was not shipped to) is
/// refused and kept as an anomaly instead of entering the trace.
/// </summary>
public static class TraceRules
{
    private const int Conflict = StatusCodes.Status409Conflict;
    private const int Unprocessable = StatusCodes.Status422UnprocessableEntity;

    // The rules' machine names: anomalies carry them, and the anomaly list filters by them.
    public const string AfterDisposal = "after-disposal";
    public const string NotCommissioned = "not-commissioned";
    public const string NotOwner = "not-owner";
    public const string AlreadyCommissioned = "already-commissioned";
    public const string OutOfOrder = "out-of-order";
    public const string UnitMismatch = "unit-mismatch";
    public const string NotShipped = "not-shipped";
    public const string NotConsignee = "not-consignee";
    public const string NotHolder = "not-holder";
    public const string InTransit = "in-transit";
    public const string ShipToSelf = "ship-to-self";
    public const string ExceedsRemaining = "exceeds-remaining";

    public static IReadOnlyList<string> Names { get; } =
    [
        AfterDisposal, NotCommissioned, NotOwner, AlreadyCommissioned, OutOfOrder, UnitMismatch,
        NotShipped, NotConsignee, NotHolder, InTransit, ShipToSelf, ExceedsRemaining,
    ];

    public static TraceViolation? Check(Product product, ScanAttempt scan)
    {
        if (product.Disposed)
        {
            return new(AfterDisposal, Conflict, $"{product.Code} was disposed of; nothing can be scanned after disposal.");
        }
        if (product.LastSequence == 0)
        {
            if (scan.Step != ScanStep.Commissioning)
            {
                return new(NotCommissioned, Conflict, $"{product.Code} has not been commissioned (赋码); its first scan must be commissioning, not {Name(scan.Step)}.");
            }
            return scan.Actor == product.EnterpriseId ? null
                : new(NotOwner, Conflict, "Only the enterprise the code was issued to commissions it.");
        }
        if (scan.Step == ScanStep.Commissioning)
        {
            return new(AlreadyCommissioned, Conflict, $"{product.Code} was commissioned already; a code is commissioned once.");
        }
        if (product.LastScannedAt is { } last && scan.ScannedAt < last)
        {
            return new(OutOfOrder, Conflict, $"The scan is dated {scan.ScannedAt:O}, before the latest scan of {product.Code} ({last:O}); the trace only moves forward.");
        }
        if (!string.Equals(scan.Unit, product.Unit, StringComparison.Ordinal))
        {
            return new(UnitMismatch, Unprocessable, $"{product.Code} is counted in {product.Unit}; scan it in {product.Unit}, not {scan.Unit}.");
        }
        if (scan.Step == ScanStep.Receiving)
        {
            if (product.InTransitTo is null)
            {
                return new(NotShipped, Conflict, $"{product.Code} is not being shipped to anyone; a receipt needs a shipping first.");
            }
            if (product.InTransitTo != scan.Actor)
            {
                return new(NotConsignee, Conflict, $"{product.Code} was shipped to another enterprise; only the consignee of the latest shipping receives it.");
            }
        }
        else
        {
            if (product.HolderEnterpriseId != scan.Actor)
            {
                return new(NotHolder, Conflict, $"The scanning enterprise does not hold {product.Code}; only the current holder may record {Name(scan.Step)}.");
            }
            if (product.InTransitTo is not null && scan.Step != ScanStep.Loading)
            {
                return new(InTransit, Conflict, $"{product.Code} is in transit to its consignee; it must be received before {Name(scan.Step)}.");
            }
            if (scan.Step == ScanStep.Shipping && scan.Consignee == scan.Actor)
            {
                return new(ShipToSelf, Conflict, "An enterprise does not ship to itself; record storing instead.");
            }
        }
        if (scan.Quantity > product.Remaining)
        {
            return new(ExceedsRemaining, Unprocessable, $"{scan.Quantity} {scan.Unit} is more than the {product.Remaining} {product.Unit} that remains of {product.Code}.");
        }
        return null;
    }

    /// <summary>Moves the product's trace state on by an accepted scan.</summary>
    public static void Apply(Product product, ScanAttempt scan)
    {
        switch (scan.Step)
        {
            case ScanStep.Commissioning:
                (product.HolderEnterpriseId, product.Remaining, product.Unit) = (scan.Actor, scan.Quantity, scan.Unit);
                break;
            case ScanStep.Shipping:
                product.InTransitTo = scan.Consignee;
                break;
            case ScanStep.Receiving:
                (product.HolderEnterpriseId, product.InTransitTo) = (scan.Actor, null);
                break;
            case ScanStep.Dispensing or ScanStep.Repackaging:
                product.Remaining -= scan.Quantity;
                break;
            case ScanStep.CycleCounting:
                product.Remaining = scan.Quantity;
                break;
            case ScanStep.Disposal:
                (product.Remaining, product.Disposed) = (product.Remaining - scan.Quantity, true);
                break;
        }
        product.LastSequence++;
        product.LastScannedAt = scan.ScannedAt;
    }

    public static string Name(ScanStep step) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(step.ToString());
}
