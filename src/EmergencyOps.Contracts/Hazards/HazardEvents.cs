namespace EmergencyOps.Contracts.Hazards;

/// <summary>An enterprise joined the hazardous-chemicals registry.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was registered.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="CreditCode">Unified social credit code (GB 32100).</param>
/// <param name="Name">Registered name.</param>
/// <param name="DistrictCode">District (GB/T 2260), e.g. <c>310116</c> for Jinshan.</param>
/// <param name="Latitude">Site latitude (WGS 84).</param>
/// <param name="Longitude">Site longitude (WGS 84).</param>
public sealed record EnterpriseRegistered(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid EnterpriseId, string CreditCode, string Name, string DistrictCode, double Latitude, double Longitude) : IIntegrationEvent;

/// <summary>A product (enterprise × chemical) was issued its 一企一品一码 code.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When the code was issued.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="ProductId">The product.</param>
/// <param name="Code">The product code, check character included.</param>
/// <param name="ParentCode">The code it was repackaged from, or null for an original product.</param>
/// <param name="EnterpriseId">The enterprise that owns the product.</param>
/// <param name="Cas">CAS number of the chemical.</param>
/// <param name="ChemicalName">Chinese name of the chemical.</param>
/// <param name="TradeName">Trade name of the product.</param>
/// <param name="ResolveUrl">The URL the code (and its QR image) resolves to.</param>
public sealed record ProductCoded(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid ProductId, string Code, string? ParentCode, Guid EnterpriseId, string Cas, string ChemicalName, string TradeName, string ResolveUrl) : IIntegrationEvent;

/// <summary>A scan was added to a product code's trace.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When the scan was recorded.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="Code">The scanned product code.</param>
/// <param name="Sequence">Position of the scan in the code's trace, from 1.</param>
/// <param name="Step">Life-cycle step (EPCIS business step): commissioning, shipping, loading, receiving, storing, dispensing, repackaging, cycleCounting, disposal.</param>
/// <param name="ActorEnterpriseId">The enterprise that scanned.</param>
/// <param name="Quantity">Quantity scanned.</param>
/// <param name="Unit">Unit of the quantity, e.g. <c>kg</c>, <c>t</c>, <c>L</c>.</param>
/// <param name="ScannedAt">When the scan happened (may be before it was recorded).</param>
/// <param name="ChildCode">For repackaging: the code issued to the new package.</param>
public sealed record ScanRecorded(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    string Code, int Sequence, string Step, Guid ActorEnterpriseId, decimal Quantity, string Unit, DateTimeOffset ScannedAt, string? ChildCode) : IIntegrationEvent;

/// <summary>A scan was refused because it breaks the trace rules (e.g. dispensing after disposal,
/// a receipt by an enterprise the product was not shipped to); the refusal is kept as an anomaly.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was refused.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="Code">The product code scanned.</param>
/// <param name="Step">The step that was attempted.</param>
/// <param name="Rule">Short machine name of the broken rule, e.g. <c>after-disposal</c>, <c>not-consignee</c>.</param>
/// <param name="Detail">What was wrong, for people.</param>
/// <param name="ActorEnterpriseId">The enterprise that attempted the scan.</param>
/// <param name="OwnerEnterpriseId">The enterprise that owns the product.</param>
/// <param name="Cas">CAS number of the chemical.</param>
/// <param name="ChemicalName">Chinese name of the chemical.</param>
/// <param name="DistrictCode">District of the actor enterprise (GB/T 2260).</param>
/// <param name="Latitude">Latitude of the scan location, or of the actor's site.</param>
/// <param name="Longitude">Longitude of the scan location, or of the actor's site.</param>
public sealed record ScanAnomalyDetected(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    string Code, string Step, string Rule, string Detail, Guid ActorEnterpriseId, Guid OwnerEnterpriseId,
    string Cas, string ChemicalName, string DistrictCode, double Latitude, double Longitude) : IIntegrationEvent;

/// <summary>Major hazard source levels (GB 18218-2018): 一级 (1) is the most severe.</summary>
public enum MajorHazardLevel
{
    /// <summary>一级: R ≥ 100.</summary>
    Level1 = 1,

    /// <summary>二级: 50 ≤ R &lt; 100.</summary>
    Level2 = 2,

    /// <summary>三级: 10 ≤ R &lt; 50.</summary>
    Level3 = 3,

    /// <summary>四级: R &lt; 10.</summary>
    Level4 = 4,
}

/// <summary>A unit (production unit, tank farm, store) became a major hazard source: S = Σ q/Q ≥ 1.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was evaluated.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="UnitId">The unit.</param>
/// <param name="UnitName">Its name.</param>
/// <param name="EnterpriseId">The enterprise that runs it.</param>
/// <param name="EnterpriseName">The enterprise's name.</param>
/// <param name="DistrictCode">District (GB/T 2260).</param>
/// <param name="Latitude">Site latitude.</param>
/// <param name="Longitude">Site longitude.</param>
/// <param name="S">Σ q/Q.</param>
/// <param name="R">α Σ β q/Q.</param>
/// <param name="Level">The grade.</param>
/// <param name="Cas">CAS numbers of the chemicals present.</param>
public sealed record MajorHazardSourceClassified(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid UnitId, string UnitName, Guid EnterpriseId, string EnterpriseName, string DistrictCode, double Latitude, double Longitude,
    decimal S, decimal R, MajorHazardLevel Level, IReadOnlyList<string> Cas) : IIntegrationEvent;

/// <summary>A major hazard source's level changed after its unit was re-evaluated.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was re-evaluated.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="UnitId">The unit.</param>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="DistrictCode">District (GB/T 2260).</param>
/// <param name="S">Σ q/Q now.</param>
/// <param name="R">R now.</param>
/// <param name="Level">The new grade.</param>
/// <param name="PreviousLevel">The grade before.</param>
public sealed record MajorHazardLevelChanged(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid UnitId, Guid EnterpriseId, string DistrictCode, decimal S, decimal R, MajorHazardLevel Level, MajorHazardLevel PreviousLevel) : IIntegrationEvent;

/// <summary>A unit is no longer a major hazard source (S fell below 1, or the unit was removed).</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was re-evaluated.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="UnitId">The unit.</param>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="DistrictCode">District (GB/T 2260).</param>
/// <param name="S">Σ q/Q now (0 when removed).</param>
/// <param name="PreviousLevel">The grade it had.</param>
public sealed record MajorHazardSourceDeclassified(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid UnitId, Guid EnterpriseId, string DistrictCode, decimal S, MajorHazardLevel PreviousLevel) : IIntegrationEvent;
