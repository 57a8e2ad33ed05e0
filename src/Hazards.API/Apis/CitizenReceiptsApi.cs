using EmergencyOps.ServiceDefaults;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>
/// After a citizen's report: the citizen's receipt (no token), and for regulators and the enterprise its photos and the report's
/// extra details (the contact for regulators only: whoever reports is protected from the enterprise reported).
/// </summary>
public static class CitizenReceiptsApi
{
    public static RouteGroupBuilder MapCitizenReceiptsApi(this RouteGroupBuilder hazards)
    {
        hazards.MapGet("/hidden-danger-receipts/{receipt}", GetReceipt).WithName("GetHiddenDangerReceipt").WithTags("Enterprise codes")
            .WithSummary("The outcome of a citizen's report by its receipt code, no token needed: state, dates, the enterprise, a rejection's reason")
            .AllowAnonymous();
        var danger = hazards.MapGroup("/hidden-dangers/{dangerId:guid}").WithTags("Hidden dangers");
        danger.MapGet("/citizen-report", GetCitizenReport).WithName("GetCitizenReport")
            .WithSummary("A citizen's report's photos (as URLs) and, for regulators, the citizen's contact").RequireAuthorization(HazardsPolicies.Read);
        danger.MapGet("/photos/{n:int}", GetPhoto).WithName("GetHiddenDangerPhoto")
            .WithSummary("The n-th photo (1 to 3) of a citizen's report, as sent (JPEG or PNG): regulators and the enterprise").RequireAuthorization(HazardsPolicies.Read);
        return hazards;
    }

    public static async Task<Results<Ok<CitizenReceiptResponse>, NotFound, ValidationProblem>> GetReceipt(
        string receipt, HazardsContext db, CancellationToken cancellationToken)
    {
        if (Receipts.Normalize(receipt) is not { } normalized)
        {
            return Problems.Invalid("receipt", $"A receipt code is {Receipts.Length} letters or digits, as the report's answer gave it.");
        }
        var hash = Receipts.Hash(normalized);
        var report = await db.CitizenReports.AsNoTracking().SingleOrDefaultAsync(r => r.ReceiptHash == hash, cancellationToken);
        var danger = report is null ? null : await db.HiddenDangers.AsNoTracking().SingleOrDefaultAsync(d => d.Id == report.DangerId, cancellationToken);
        if (danger is null)
        {
            return TypedResults.NotFound();
        }
        var name = await db.Enterprises.AsNoTracking().Where(e => e.Id == danger.EnterpriseId).Select(e => e.Name).SingleAsync(cancellationToken);
        var steps = await db.HiddenDangerSteps.AsNoTracking().Where(s => s.DangerId == danger.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(CitizenReceiptResponse.From(normalized, danger, name, steps));
    }

    public static async Task<Results<Ok<CitizenReportResponse>, NotFound, ProblemHttpResult>> GetCitizenReport(
        Guid dangerId, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var (danger, _, refused) = await services.LoadAsync(dangerId, cancellationToken, tracked: false);
        if (refused is not null)
        {
            return refused;
        }
        var report = danger is null ? null : await services.Db.CitizenReports.AsNoTracking().SingleOrDefaultAsync(r => r.DangerId == dangerId, cancellationToken);
        if (report is null)
        {
            return TypedResults.NotFound();
        }
        var regulator = await services.IsRegulatorAsync(cancellationToken);
        return TypedResults.Ok(new CitizenReportResponse(dangerId, report.Photos,
            [.. Enumerable.Range(1, report.Photos).Select(n => $"/api/hazards/hidden-dangers/{dangerId}/photos/{n}")],
            regulator ? report.ContactName : null, regulator ? report.ContactPhone : null));
    }

    public static async Task<Results<FileContentHttpResult, NotFound, ProblemHttpResult>> GetPhoto(
        Guid dangerId, int n, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var (danger, _, refused) = await services.LoadAsync(dangerId, cancellationToken, tracked: false);
        if (refused is not null)
        {
            return refused;
        }
        var photo = danger is null ? null
            : await services.Db.HiddenDangerPhotos.AsNoTracking().SingleOrDefaultAsync(p => p.DangerId == dangerId && p.Number == n, cancellationToken);
        return photo is null ? TypedResults.NotFound() : TypedResults.File(photo.Data, photo.ContentType, $"{dangerId}-{n}{(photo.ContentType == "image/png" ? ".png" : ".jpg")}");
    }
}
