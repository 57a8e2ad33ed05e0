using EmergencyOps.Contracts.Hazards;

namespace Hazards.API.Model;

/// <summary>
/// What a citizen sees by the receipt code (件件有着落，事事有回音): where the report stands, when each step happened, the
/// enterprise's name and a rejection's reason. No person's name, no internal id, no photo, no plan or evidence.
/// </summary>
public sealed record CitizenReceiptResponse(
    string Receipt, string EnterpriseName, HiddenDangerState State, string StateName, HiddenDangerGrade Grade, string GradeName,
    DateTime ReportedAt, DateTime? VerifiedAt, DateTime? RejectedAt, string? RejectionReason,
    DateTime? RectificationStartedAt, DateTime? RectificationDeadline, DateTime? RectifiedAt, DateTime? ClosedAt, DateTime UpdatedAt)
{
    public static CitizenReceiptResponse From(string receipt, HiddenDanger d, string enterpriseName, IReadOnlyCollection<HiddenDangerStep> steps)
    {
        DateTime? At(HiddenDangerAction action) => steps.Where(s => s.Action == action).OrderBy(s => s.Sequence).Select(s => (DateTime?)s.At).FirstOrDefault();
        return new(receipt, enterpriseName, d.State, Describe(d.State), d.Grade, MajorDangerCriteria.GradeName(d.Grade),
            d.ReportedAt, At(HiddenDangerAction.Verified), At(HiddenDangerAction.Rejected), d.RejectionReason,
            At(HiddenDangerAction.Planned), d.Deadline, d.RectifiedAt, d.ClosedAt, d.UpdatedAt);
    }

    public static string Describe(HiddenDangerState state) => state switch
    {
        HiddenDangerState.Reported => "已受理, 待核实",
        HiddenDangerState.Verified => "已核实, 待整改",
        HiddenDangerState.Rejected => "经核实不构成隐患",
        HiddenDangerState.Rectifying => "整改中",
        HiddenDangerState.Rectified => "已整改, 待复查",
        _ => "已销号",
    };
}

/// <summary>A citizen's report as regulators and the enterprise see it: how many photos; the contact only for regulators.</summary>
public sealed record CitizenReportResponse(Guid DangerId, int Photos, IReadOnlyList<string> PhotoUrls, string? ContactName, string? ContactPhone);
