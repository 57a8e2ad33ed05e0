using System.ComponentModel.DataAnnotations;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.ServiceDefaults.Input;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Model;

/// <summary>A regulator's answer to a reported hidden danger awaiting verification.</summary>
public enum VerificationDecision
{
    Verify,
    Reject,
}

/// <summary>
/// Criterion numbers of 安监总管三〔2017〕121号: at most 20 of them, each 1–20 (the document says so; the handler names an
/// unknown one as <c>criteria[i]</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class CriterionNumbersAttribute() : MaxLengthAttribute(MaxCriteria)
{
    public override bool IsValid(object? value) => value is not ICollection<int> list || list.Count <= Length;

    public override string FormatErrorMessage(string name) => $"At most {Length} criteria.";
}

/// <summary>A hidden danger found by an inspection; citing criteria makes it 重大 whatever grade is asked.</summary>
public sealed record ReportHiddenDangerRequest(
    [property: Text(NameLength)] string? Title,
    [property: FreeText(DangerTextLength)] string? Description,
    [property: Text(AddressLength)] string? Location,
    [property: OneOf(typeof(HiddenDangerGrade))] string? Grade,
    [property: CriterionNumbers] IReadOnlyList<int>? Criteria);

/// <summary>Verify a reported hidden danger, or reject it with a reason the reporter sees (regulators).</summary>
public sealed record VerifyHiddenDangerRequest(
    [property: OneOf(typeof(VerificationDecision))] string? Decision,
    [property: FreeText(DangerTextLength)] string? Reason);

/// <summary>The rectification plan (五到位): measures, the responsible person, funds in yuan and a deadline in the future.</summary>
public sealed record RectificationPlanRequest(
    [property: FreeText(DangerTextLength)] string? Measures,
    [property: Text(PersonNameLength)] string? ResponsiblePerson,
    [property: Bounded(0.0, MaxFunds)] decimal? Funds,
    [property: Moment] DateTimeOffset? Deadline);

/// <summary>The enterprise reports the danger rectified, with its evidence (what was done, photos' references, acceptance).</summary>
public sealed record RectificationRequest([property: FreeText(DangerTextLength)] string? Evidence);

/// <summary>The review (复查): passed closes the danger (销号); failed sends it back to rectification with the note.</summary>
public sealed record ReviewHiddenDangerRequest(bool? Passed, [property: FreeText(DangerTextLength)] string? Note);

/// <summary>List a major hidden danger for supervision (挂牌督办) by a supervising unit, to be closed by the deadline.</summary>
public sealed record ListHiddenDangerRequest(
    [property: Text(NameLength)] string? SupervisingUnit,
    [property: Moment] DateTimeOffset? Deadline);

/// <summary>Field-by-field checks; every message names the field (camelCase, as in the JSON).</summary>
public static class HiddenDangerValidation
{
    public static Dictionary<string, string[]> Report(ReportHiddenDangerRequest r, IReadOnlySet<int> known)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Title)) errors["title"] = ["Say what was found in a line (1 to 200 characters)."];
        if (string.IsNullOrWhiteSpace(r.Description)) errors["description"] = ["Describe the hidden danger."];
        if (r.Grade is not null && !EnumNames.TryParse<HiddenDangerGrade>(r.Grade, out _))
        {
            errors["grade"] = [$"Grade is one of: {EnumNames.List<HiddenDangerGrade>()}."];
        }
        for (var i = 0; i < (r.Criteria?.Count ?? 0); i++)
        {
            if (!known.Contains(r.Criteria![i]))
            {
                errors[$"criteria[{i}]"] = [$"{r.Criteria[i]} is no criterion of {MajorDangerCriteria.Standard}: they are numbered 1 to {known.Count}."];
            }
        }
        return errors;
    }

    public static Dictionary<string, string[]> Plan(RectificationPlanRequest r, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.Measures)) errors["measures"] = ["Say how it will be rectified (整改措施)."];
        if (string.IsNullOrWhiteSpace(r.ResponsiblePerson)) errors["responsiblePerson"] = ["Name the person responsible (责任人)."];
        if (r.Funds is not { } funds) errors["funds"] = ["Give the funds in yuan (整改资金), 0 when none are needed."];
        else if (decimal.Round(funds, 2) != funds) errors["funds"] = ["Yuan to the fen: at most two decimals."];
        Future(errors, "deadline", r.Deadline, now, "rectification");
        return errors;
    }

    public static Dictionary<string, string[]> Listing(ListHiddenDangerRequest r, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(r.SupervisingUnit)) errors["supervisingUnit"] = ["Name the supervising unit (督办单位)."];
        Future(errors, "deadline", r.Deadline, now, "supervision");
        return errors;
    }

    private static void Future(Dictionary<string, string[]> errors, string field, DateTimeOffset? at, DateTimeOffset now, string what)
    {
        if (at is null) errors[field] = [$"Give the {what} deadline, with its offset (2027-03-01T17:00:00+08:00)."];
        else if (at <= now) errors[field] = [$"The {what} deadline must lie in the future."];
    }
}
