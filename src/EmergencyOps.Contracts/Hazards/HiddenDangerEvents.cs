namespace EmergencyOps.Contracts.Hazards;

/// <summary>How grave a hidden danger (事故隐患) is: 一般 (general) or 重大 (major, by the criteria of 安监总管三〔2017〕121号).</summary>
public enum HiddenDangerGrade
{
    /// <summary>一般事故隐患.</summary>
    General = 1,

    /// <summary>重大事故隐患: meets at least one of the 20 criteria.</summary>
    Major = 2,
}

/// <summary>Who found a hidden danger: the enterprise's own inspection, a regulator's inspection, or a citizen.</summary>
public enum HiddenDangerSource
{
    /// <summary>The enterprise's own inspection (自查).</summary>
    Enterprise = 1,

    /// <summary>A regulator's inspection (执法检查).</summary>
    Regulator = 2,

    /// <summary>A citizen's report (群众举报): awaits a regulator's verification.</summary>
    Citizen = 3,
}

/// <summary>A hidden danger of an enterprise was reported (隐患上报).</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was reported.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="DangerId">The hidden danger.</param>
/// <param name="EnterpriseId">The enterprise it was found at.</param>
/// <param name="CreditCode">The enterprise's unified social credit code (GB 32100).</param>
/// <param name="EnterpriseName">The enterprise's registered name.</param>
/// <param name="DistrictCode">The enterprise's district (GB/T 2260).</param>
/// <param name="ReportedBy">Whose inspection found it.</param>
/// <param name="Grade">Its grade; major whenever a criterion is cited.</param>
/// <param name="Criteria">The numbers (1–20) of the major-hidden-danger criteria it meets.</param>
/// <param name="Title">What was found, in a line.</param>
/// <param name="Verified">False only when it awaits a regulator's verification (citizen reports).</param>
public sealed record HiddenDangerReported(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid DangerId, Guid EnterpriseId, string CreditCode, string EnterpriseName, string DistrictCode,
    HiddenDangerSource ReportedBy, HiddenDangerGrade Grade, IReadOnlyList<int> Criteria, string Title, bool Verified) : IIntegrationEvent;

/// <summary>A regulator verified a reported hidden danger (citizen reports); the enterprise must now rectify it.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was verified.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="DangerId">The hidden danger.</param>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="DistrictCode">The enterprise's district.</param>
/// <param name="Grade">Its grade.</param>
/// <param name="VerifiedBy">The regulator.</param>
public sealed record HiddenDangerVerified(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid DangerId, Guid EnterpriseId, string DistrictCode, HiddenDangerGrade Grade, string VerifiedBy) : IIntegrationEvent;

/// <summary>A regulator rejected a reported hidden danger, with a reason the reporter can see.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was rejected.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="DangerId">The hidden danger.</param>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="DistrictCode">The enterprise's district.</param>
/// <param name="RejectedBy">The regulator.</param>
/// <param name="Reason">Why it is not a hidden danger.</param>
public sealed record HiddenDangerRejected(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid DangerId, Guid EnterpriseId, string DistrictCode, string RejectedBy, string Reason) : IIntegrationEvent;

/// <summary>A major hidden danger was listed for supervision (重大事故隐患挂牌督办).</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was listed.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="DangerId">The hidden danger.</param>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="EnterpriseName">The enterprise's registered name.</param>
/// <param name="DistrictCode">The enterprise's district.</param>
/// <param name="SupervisingUnit">The unit that supervises its rectification (督办单位).</param>
/// <param name="Deadline">When it must be rectified and reviewed.</param>
/// <param name="ListedBy">The regulator who listed it.</param>
public sealed record HiddenDangerListed(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid DangerId, Guid EnterpriseId, string EnterpriseName, string DistrictCode, string SupervisingUnit, DateTimeOffset Deadline, string ListedBy) : IIntegrationEvent;

/// <summary>A hidden danger's rectification passed its deadline unrectified: escalated, once.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When the sweep found it overdue.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">A fresh id: no request caused it.</param>
/// <param name="DangerId">The hidden danger.</param>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="DistrictCode">The enterprise's district.</param>
/// <param name="Grade">Its grade.</param>
/// <param name="Deadline">The rectification deadline that passed.</param>
/// <param name="Listed">Whether it is listed for supervision.</param>
public sealed record HiddenDangerOverdue(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid DangerId, Guid EnterpriseId, string DistrictCode, HiddenDangerGrade Grade, DateTimeOffset Deadline, bool Listed) : IIntegrationEvent;

/// <summary>A hidden danger passed its review (复查) and was closed (销号); a listed one leaves the supervision list.</summary>
/// <param name="EventId">Unique event id.</param>
/// <param name="OccurredAt">When it was closed.</param>
/// <param name="Source">Always <c>hazards</c>.</param>
/// <param name="CorrelationId">Correlation id of the causing request.</param>
/// <param name="DangerId">The hidden danger.</param>
/// <param name="EnterpriseId">The enterprise.</param>
/// <param name="DistrictCode">The enterprise's district.</param>
/// <param name="Grade">Its grade.</param>
/// <param name="ClosedBy">Who reviewed and closed it.</param>
/// <param name="WasListed">Whether it was listed for supervision.</param>
/// <param name="WasOverdue">Whether its rectification had gone overdue.</param>
public sealed record HiddenDangerClosed(
    Guid EventId, DateTimeOffset OccurredAt, string Source, Guid CorrelationId,
    Guid DangerId, Guid EnterpriseId, string DistrictCode, HiddenDangerGrade Grade, string ClosedBy, bool WasListed, bool WasOverdue) : IIntegrationEvent;
