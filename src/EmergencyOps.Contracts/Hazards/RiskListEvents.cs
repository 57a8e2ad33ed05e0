namespace EmergencyOps.Contracts.Hazards;

/// <summary>Risk colours of the LEC grading (风险分级), lowest to highest: D = L × E × C.</summary>
public enum RiskColour
{
    /// <summary>蓝, 低风险: D ≤ 70.</summary>
    Blue = 1,

    /// <summary>黄, 一般风险: 70 &lt; D ≤ 160.</summary>
    Yellow = 2,

    /// <summary>橙, 较大风险: 160 &lt; D ≤ 320.</summary>
    Orange = 3,

    /// <summary>红, 重大风险: D &gt; 320.</summary>
    Red = 4,
}

/// <summary>An enterprise filed (备案) a new version of its risk list (风险管控清单) with the regulator.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was filed.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="CreditCode">Its unified social credit code (GB 32100).</param>
/// <param name="EnterpriseName">Its registered name.</param>
/// <param name="DistrictCode">Its district (GB/T 2260).</param>
/// <param name="Version">The filing's version: 1 for the first, one more for each later filing.</param>
/// <param name="RiskPoints">How many risk points the filing lists.</param>
/// <param name="Red">Risk points graded red (重大风险).</param>
/// <param name="Orange">Risk points graded orange (较大风险).</param>
/// <param name="Yellow">Risk points graded yellow (一般风险).</param>
/// <param name="Blue">Risk points graded blue (低风险).</param>
/// <param name="Highest">The highest colour in the filing.</param>
public sealed record RiskListFiled(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid EnterpriseId, string CreditCode, string EnterpriseName, string DistrictCode, int Version,
    int RiskPoints, int Red, int Orange, int Yellow, int Blue, RiskColour Highest) : IIntegrationEvent;
