namespace EmergencyOps.Contracts.Hazards;

/// <summary>
/// An enterprise's dynamic risk level (风险预警模型) moved: the registry recomputes it on every event that bears on it (a
/// major hazard source classified, a risk point graded, a hidden danger opened, overdue or closed, a scan anomaly) and
/// raises this when the colour changes. A rise to orange or red is 一码推送: the warnings service suggests a warning for
/// the enterprise's location.
/// </summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When the level changed.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request (a fresh one when a sweep caused it).</param>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="CreditCode">Its unified social credit code (GB 32100).</param>
/// <param name="EnterpriseName">Its registered name.</param>
/// <param name="DistrictCode">Its district (GB/T 2260).</param>
/// <param name="Latitude">Its latitude (WGS 84).</param>
/// <param name="Longitude">Its longitude (WGS 84).</param>
/// <param name="Level">The new level.</param>
/// <param name="Previous">The level before (blue for an enterprise never graded).</param>
/// <param name="Score">The new score: the sum of the terms' points.</param>
/// <param name="Terms">Every term with points, in Chinese, e.g. <c>最高重大危险源: 一级 +40</c>.</param>
public sealed record EnterpriseRiskLevelChanged(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid EnterpriseId, string CreditCode, string EnterpriseName, string DistrictCode, double Latitude, double Longitude,
    RiskColour Level, RiskColour Previous, decimal Score, IReadOnlyList<string> Terms) : IIntegrationEvent;
