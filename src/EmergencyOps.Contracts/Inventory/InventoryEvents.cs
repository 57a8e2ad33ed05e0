namespace EmergencyOps.Contracts.Inventory;

/// <summary>A ledger entry changed a warehouse's stock of a material (one event per entry).</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>inventory</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="WarehouseId">The warehouse.</param>
/// <param name="MaterialCode">Catalogue code of the material.</param>
/// <param name="Batch">Batch number, empty for materials not tracked by batch.</param>
/// <param name="Kind">Receipt, Issue, Adjustment, Rotation, WriteOff, TransferOut or TransferIn.</param>
/// <param name="Delta">Signed change in units.</param>
/// <param name="OnHand">Units on hand after the change.</param>
/// <param name="Available">Units on hand and not reserved after the change.</param>
/// <param name="LedgerSequence">The ledger entry's sequence number.</param>
public sealed record StockChanged(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid WarehouseId, string MaterialCode, string Batch, string Kind, int Delta, int OnHand, int Available, long LedgerSequence) : IIntegrationEvent;

/// <summary>Available stock fell below the warehouse's reserve norm (储备定额); raised once per shortfall.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>inventory</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="WarehouseId">The warehouse.</param>
/// <param name="DistrictCode">Its district (GB/T 2260).</param>
/// <param name="MaterialCode">The material.</param>
/// <param name="Available">Units available now.</param>
/// <param name="Minimum">The norm.</param>
public sealed record LowStock(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid WarehouseId, string DistrictCode, string MaterialCode, int Available, int Minimum) : IIntegrationEvent;

/// <summary>Available stock is back at the norm plus its recovery margin; the shortfall is over.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>inventory</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="WarehouseId">The warehouse.</param>
/// <param name="DistrictCode">Its district (GB/T 2260).</param>
/// <param name="MaterialCode">The material.</param>
/// <param name="Available">Units available now.</param>
/// <param name="Minimum">The norm.</param>
public sealed record StockRecovered(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid WarehouseId, string DistrictCode, string MaterialCode, int Available, int Minimum) : IIntegrationEvent;

/// <summary>A transfer (调拨) left its source warehouse and is in transit.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>inventory</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="TransferId">The transfer.</param>
/// <param name="FromWarehouseId">Source.</param>
/// <param name="ToWarehouseId">Destination.</param>
/// <param name="MaterialCode">The material.</param>
/// <param name="Quantity">Units in transit.</param>
public sealed record TransferDispatched(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid TransferId, Guid FromWarehouseId, Guid ToWarehouseId, string MaterialCode, int Quantity) : IIntegrationEvent;

/// <summary>A transfer arrived, possibly short (the shortfall is written off with its reason).</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>inventory</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="TransferId">The transfer.</param>
/// <param name="ToWarehouseId">Destination.</param>
/// <param name="MaterialCode">The material.</param>
/// <param name="Dispatched">Units sent.</param>
/// <param name="Received">Units that arrived.</param>
/// <param name="ShortReason">Why fewer arrived, if they did.</param>
public sealed record TransferReceived(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid TransferId, Guid ToWarehouseId, string MaterialCode, int Dispatched, int Received, string? ShortReason) : IIntegrationEvent;

/// <summary>A transfer was cancelled; anything in transit returned to the source.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>inventory</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="TransferId">The transfer.</param>
/// <param name="FromWarehouseId">Source, which got the stock back.</param>
/// <param name="MaterialCode">The material.</param>
/// <param name="Quantity">Units returned.</param>
public sealed record TransferCancelled(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid TransferId, Guid FromWarehouseId, string MaterialCode, int Quantity) : IIntegrationEvent;

/// <summary>Stock was reserved at a warehouse for a warning.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>inventory</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="ReservationId">The reservation.</param>
/// <param name="WarningId">The warning it serves.</param>
/// <param name="WarehouseId">The warehouse.</param>
/// <param name="MaterialCode">The material.</param>
/// <param name="Quantity">Units reserved.</param>
public sealed record ReservationMade(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid ReservationId, Guid WarningId, Guid WarehouseId, string MaterialCode, int Quantity) : IIntegrationEvent;

/// <summary>What was left of a reservation went back to ordinary use.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>inventory</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="ReservationId">The reservation.</param>
/// <param name="WarningId">The warning it served.</param>
/// <param name="WarehouseId">The warehouse.</param>
/// <param name="MaterialCode">The material.</param>
/// <param name="Released">Units returned to ordinary use.</param>
/// <param name="Cause">Released on request, or because its warning ended.</param>
public sealed record ReservationReleased(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid ReservationId, Guid WarningId, Guid WarehouseId, string MaterialCode, int Released, ReservationReleaseCause Cause) : IIntegrationEvent;

/// <summary>Why a reservation was released.</summary>
public enum ReservationReleaseCause
{
    /// <summary>A warehouse keeper or dispatcher released it.</summary>
    Requested,

    /// <summary>Its warning was lifted, cancelled or expired; nothing is kept for a warning that is over.</summary>
    WarningEnded,
}

/// <summary>A batch expires within the configured horizon (announced once per batch).</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>inventory</c>.</param>
/// <param name="CorrelationId">Correlation id.</param>
/// <param name="WarehouseId">The warehouse.</param>
/// <param name="MaterialCode">The material.</param>
/// <param name="Batch">The batch.</param>
/// <param name="Expiry">Its expiry date.</param>
/// <param name="Quantity">Units of it on hand.</param>
public sealed record BatchExpiring(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid WarehouseId, string MaterialCode, string Batch, DateOnly Expiry, int Quantity) : IIntegrationEvent;

/// <summary>Reserve readiness of the districts an orange or red warning covers: their current shortfalls.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Source">Always <c>inventory</c>.</param>
/// <param name="CorrelationId">The warning event's correlation id.</param>
/// <param name="WarningId">The warning.</param>
/// <param name="DistrictCodes">The warned districts.</param>
/// <param name="Ready">True when none of their warehouses is below a norm.</param>
/// <param name="Shortfalls">Each warehouse and material below its norm.</param>
public sealed record ReserveReadinessReported(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid WarningId, IReadOnlyList<string> DistrictCodes, bool Ready, IReadOnlyList<ReadinessShortfall> Shortfalls) : IIntegrationEvent;

/// <summary>One shortfall in a readiness report.</summary>
/// <param name="WarehouseId">The warehouse.</param>
/// <param name="DistrictCode">Its district.</param>
/// <param name="MaterialCode">The material.</param>
/// <param name="Minimum">The norm.</param>
/// <param name="Available">Units available.</param>
public sealed record ReadinessShortfall(Guid WarehouseId, string DistrictCode, string MaterialCode, int Minimum, int Available);
