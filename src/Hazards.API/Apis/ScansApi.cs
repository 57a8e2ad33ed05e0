using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>Scans along a product's life: an append-only, ordered trace per code; impossible sequences are refused and kept as anomalies.</summary>
public static class ScansApi
{
    public static RouteGroupBuilder MapScansApi(this RouteGroupBuilder hazards)
    {
        var api = hazards.MapGroup("/codes").WithTags("Trace");
        api.MapPost("/{code}/scans", RecordScan).WithName("RecordScan").WithIdempotency<HazardsContext>()
            .WithSummary("Record a scan (commissioning, shipping, loading, receiving, storing, dispensing, repackaging, cycleCounting, disposal)")
            .WithRequestExample(HazardExamples.Scan).RequireAuthorization(HazardsPolicies.Scan);
        api.MapGet("/{code}/trace", GetTrace).WithName("GetTrace")
            .WithSummary("The code's trace in order, paged").RequireAuthorization(HazardsPolicies.Read);
        api.MapGet("/{code}/anomalies", GetAnomalies).WithName("GetScanAnomalies")
            .WithSummary("Refused scans of the code (anomalies), newest first").RequireAuthorization(HazardsPolicies.Read);
        return hazards;
    }

    public static async Task<Results<Created<ScanResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordScan(
        string code, ScanRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (CodesApi.CheckCode(ref code) is { } invalid)
        {
            return invalid;
        }
        var errors = ScanValidation.Validate(request, services.Events.NowOffset);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (!await services.MayActForAsync(request.ActorEnterpriseId!.Value, cancellationToken))
        {
            return HazardServices.NotYours(request.ActorEnterpriseId.Value);
        }
        try
        {
            // Read and write in one transaction: on SQLite it takes the write lock first, so the rules
            // always judge the latest trace; elsewhere the product's version token catches a race.
            await using var transaction = await services.Db.BeginOrJoinTransactionAsync(cancellationToken);
            // Committed whatever the answer: a refusal keeps its anomaly, other answers wrote nothing. Either way the
            // resolution changes (its trace, holder, quantity, child codes or anomaly count), so its cached answers go.
            services.Cache.InvalidateAfterCommit(transaction, code);
            var result = await CheckAndRecordAsync(code, request, services, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return result;
        }
        catch (DbUpdateException)
        {
            // Another scan of this code committed first; nothing of this one was kept.
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Concurrent scan", $"Another scan of {code} was recorded at the same moment; read the trace and scan again.");
        }
    }

    private static async Task<Results<Created<ScanResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CheckAndRecordAsync(
        string code, ScanRequest request, HazardServices services, CancellationToken cancellationToken)
    {
        var db = services.Db;
        var product = await db.Products.SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        if (!(await services.BindingAsync(cancellationToken)).MayScan(product))
        {
            // Refused before the trace rules: nothing is stored, not even an anomaly.
            return HazardServices.NotYourScan(code);
        }
        var actor = await db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.ActorEnterpriseId, cancellationToken);
        if (actor is null)
        {
            return Problems.Invalid("actorEnterpriseId", $"Enterprise {request.ActorEnterpriseId} is not registered.");
        }
        if (request.ConsigneeEnterpriseId is { } consignee && !await db.Enterprises.AnyAsync(e => e.Id == consignee, cancellationToken))
        {
            return Problems.Invalid("consigneeEnterpriseId", $"Enterprise {consignee} is not registered.");
        }
        var step = EnumNames.TryParse<ScanStep>(request.Step, out var parsed) ? parsed : throw new InvalidOperationException("The step was validated before.");
        var attempt = new ScanAttempt(step, actor.Id, request.Quantity!.Value, request.Unit!, request.ScannedAt ?? services.Events.NowOffset, request.ConsigneeEnterpriseId);
        if (TraceRules.Check(product, attempt) is { } violation)
        {
            // The refusal is stored and committed; nothing of the scan was written.
            return await services.Trace.RefuseAsync(product, actor, attempt, request, violation, cancellationToken);
        }
        var scan = await services.Trace.AppendAsync(product, actor, attempt, request, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/hazards/codes/{code}/trace?pageIndex={(scan.Sequence - 1) / 50}", ScanResponse.From(scan));
    }

    public static async Task<Results<Ok<PaginatedItems<ScanResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> GetTrace(
        string code, [AsParameters] HazardServices services, CancellationToken cancellationToken,
        [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if (CodesApi.CheckCode(ref code) is { } invalid)
        {
            return invalid;
        }
        var c = code;
        var (product, refused) = await services.ReadableProductAsync(c, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        var query = services.Db.Scans.AsNoTracking().Where(s => s.Code == c);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderBy(s => s.Sequence).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<ScanResponse>(pageIndex, pageSize, count, [.. page.Select(ScanResponse.From)]));
    }

    public static async Task<Results<Ok<IReadOnlyList<AnomalyResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> GetAnomalies(
        string code, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (CodesApi.CheckCode(ref code) is { } invalid)
        {
            return invalid;
        }
        var c = code;
        var (product, refused) = await services.ReadableProductAsync(c, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        var anomalies = await services.Db.Anomalies.AsNoTracking().Where(a => a.Code == c).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AnomalyResponse>>([.. anomalies.OrderByDescending(a => a.DetectedAt).Select(AnomalyResponse.From)]);
    }
}
