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
