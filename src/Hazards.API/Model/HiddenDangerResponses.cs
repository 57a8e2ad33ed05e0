using EmergencyOps.Contracts.Hazards;

namespace Hazards.API.Model;

/// <summary>The rectification plan (五到位) as the enterprise made it.</summary>
public sealed record RectificationPlanResponse(string Measures, string ResponsiblePerson, decimal Funds, DateTime Deadline);

/// <summary>The listed supervision (挂牌督办): on the list until the danger is closed after review.</summary>
public sealed record SupervisionResponse(string SupervisingUnit, DateTime Deadline, DateTime ListedAt, string ListedBy, bool OnList, DateTime? DelistedAt);

/// <summary>One step of the loop: what, who, when, and its note (a rejection's reason, a failed review's note, the evidence).</summary>
public sealed record HiddenDangerStepResponse(int Sequence, HiddenDangerAction Action, string Actor, DateTime At, string? Note)
{
    public static HiddenDangerStepResponse From(HiddenDangerStep s) => new(s.Sequence, s.Action, s.Actor, s.At, s.Note);
}

/// <summary>A hidden danger without its history: what the lists answer.</summary>
public sealed record HiddenDangerSummary(
    Guid Id, Guid EnterpriseId, string Title, HiddenDangerSource Source, HiddenDangerGrade Grade, string GradeName, HiddenDangerState State,
    DateTime ReportedAt, DateTime? Deadline, bool Overdue, bool Listed, DateTime? ClosedAt)
{
    public static HiddenDangerSummary From(HiddenDanger d) => new(
        d.Id, d.EnterpriseId, d.Title, d.Source, d.Grade, MajorDangerCriteria.GradeName(d.Grade), d.State, d.ReportedAt, d.Deadline,
        d.OverdueAt is not null, d.Listed, d.ClosedAt);
}

/// <summary>A hidden danger with everything about it and every step of its loop, oldest first.</summary>
public sealed record HiddenDangerResponse(
    Guid Id, Guid EnterpriseId, HiddenDangerSource Source, HiddenDangerGrade Grade, string GradeName, HiddenDangerGrade RequestedGrade,
    IReadOnlyList<MajorDangerCriterionResponse> Criteria, string Title, string Description, string? Location, HiddenDangerState State,
    string ReportedBy, DateTime ReportedAt, string? RejectionReason, RectificationPlanResponse? Plan, string? Evidence, DateTime? RectifiedAt,
    bool Overdue, DateTime? OverdueAt, SupervisionResponse? Supervision, DateTime? ClosedAt, int Revision, IReadOnlyList<HiddenDangerStepResponse> History)
{
    public static HiddenDangerResponse From(HiddenDanger d, IEnumerable<HiddenDangerStep> steps, IReadOnlyDictionary<int, MajorDangerCriterion> criteria) => new(
        d.Id, d.EnterpriseId, d.Source, d.Grade, MajorDangerCriteria.GradeName(d.Grade), d.RequestedGrade,
        [.. d.Criteria.Order().Select(n => criteria.TryGetValue(n, out var c) ? MajorDangerCriterionResponse.From(c) : new(n, "", MajorDangerCriteria.Standard))],
        d.Title, d.Description, d.Location, d.State, d.ReportedBy, d.ReportedAt, d.RejectionReason,
        d.Measures is null ? null : new(d.Measures, d.ResponsiblePerson!, Lec.Normalize(d.Funds ?? 0), d.Deadline!.Value), d.Evidence, d.RectifiedAt,
        d.OverdueAt is not null, d.OverdueAt,
        d.ListedAt is { } listedAt ? new(d.SupervisingUnit!, d.SupervisionDeadline!.Value, listedAt, d.ListedBy!, d.State != HiddenDangerState.Closed, d.ClosedAt) : null,
        d.ClosedAt, d.Revision, [.. steps.OrderBy(s => s.Sequence).Select(HiddenDangerStepResponse.From)]);
}

/// <summary>A hidden danger with the enterprise it was found at, as the regulator's lists show it.</summary>
public sealed record RegulatedHiddenDanger(HiddenDangerSummary Danger, string EnterpriseName, string DistrictCode, string? Location);
