using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>
/// Citizens' reports by the enterprise code (一码发现), without an account: a hidden danger from source <c>citizen</c>, in state
/// <c>reported</c> until a regulator verifies or rejects it; the citizen follows it by a receipt code (<see cref="CitizenReceiptsApi"/>).
/// Limited per client address (<see cref="CitizenRateLimit"/>); an optional Idempotency-Key makes a retry safe.
/// </summary>
public static class CitizenReportsApi
{
    public const string Actor = "citizen";

    public static RouteGroupBuilder MapCitizenReportsApi(this RouteGroupBuilder hazards)
    {
        hazards.MapPost("/enterprise-codes/{code}/hidden-dangers", Report).WithName("ReportHiddenDangerByEnterpriseCode").WithTags("Enterprise codes")
            .WithSummary("A citizen reports a hidden danger at the enterprise of this code, no token needed (一码发现): answered with a receipt code")
            .WithRequestExample(HazardExamples.CitizenReport).WithIdempotency<HazardsContext>(required: false)
            .RequireRateLimiting(CitizenRateLimit.Policy).AllowAnonymous();
        hazards.MapCitizenReceiptsApi();
        return hazards;
    }

    public static async Task<Results<Created<CitizenReportReceipt>, NotFound, ValidationProblem, ProblemHttpResult>> Report(
        string code, CitizenReportRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (EnterpriseCodesApi.CheckCode(ref code) is { } invalid)
        {
            return invalid;
        }
        var known = (await services.Db.MajorDangerCriteria.Select(c => c.Number).ToListAsync(cancellationToken)).ToHashSet();
        List<(byte[] Data, string ContentType)> photos = [];
        var errors = CitizenReportValidation.Validate(request, known, photos);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var c = code;
        var row = await services.Db.EnterpriseCodes.AsNoTracking().SingleOrDefaultAsync(e => e.Code == c, cancellationToken);
        var enterprise = row is null ? null : await services.Db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == row.EnterpriseId, cancellationToken);
        if (enterprise is null)
        {
            return TypedResults.NotFound();
        }
        List<int> criteria = [.. (request.Criteria ?? []).Distinct().Order()];
        var description = request.Description!.Trim();
        var firstLine = description.Split('\n', 2)[0].Trim();
        var danger = new HiddenDanger
        {
            EnterpriseId = enterprise.Id, Title = $"群众举报: {(firstLine.Length > 60 ? firstLine[..60] + "…" : firstLine)}", Description = description,
            Location = HiddenDangerRules.Trimmed(request.Location), Source = HiddenDangerSource.Citizen,
            RequestedGrade = HiddenDangerGrade.General, Grade = MajorDangerCriteria.GradeOf(HiddenDangerGrade.General, criteria), Criteria = criteria,
            // A citizen's report awaits a regulator's verification (the verification endpoint): no inspection stands behind it.
            State = HiddenDangerState.Reported, ReportedBy = Actor, ReportedAt = services.Events.Now, Revision = 1,
        };
        danger.UpdatedAt = danger.ReportedAt;
        var receipt = Receipts.New();
        services.Db.HiddenDangers.Add(danger);
        services.Db.HiddenDangerSteps.Add(new HiddenDangerStep { DangerId = danger.Id, Sequence = 1, Action = HiddenDangerAction.Reported, Actor = Actor, At = danger.ReportedAt });
        services.Db.CitizenReports.Add(new CitizenReport
        {
            DangerId = danger.Id, ReceiptHash = Receipts.Hash(receipt), ContactName = HiddenDangerRules.Trimmed(request.ContactName),
            ContactPhone = HiddenDangerRules.Trimmed(request.ContactPhone), Photos = photos.Count,
        });
        services.Db.HiddenDangerPhotos.AddRange(photos.Select((p, i) => new HiddenDangerPhoto { DangerId = danger.Id, Number = i + 1, ContentType = p.ContentType, Data = p.Data }));
        services.Events.HiddenDangerReported(danger, enterprise);
        if (!await services.TrySaveAsync(cancellationToken))
        {
            // Only a receipt drawn twice (one in 2⁶⁰) gets here; the danger's id stays internal.
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Report not stored", "The report could not be stored; send it again.");
        }
        var url = $"/api/hazards/hidden-danger-receipts/{receipt}";
        return TypedResults.Created(url, new CitizenReportReceipt(receipt, url, danger.State));
    }
}
