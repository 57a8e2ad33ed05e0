using EmergencyOps.Messaging.Persistence;
using EmergencyOps.ServiceDefaults;
using Hazards.API.Extensions;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>What a code resolves to (一书一签) and its SDS and label revisions: the code never changes when they are revised.</summary>
public static class CodesApi
{
    public static RouteGroupBuilder MapCodesApi(this RouteGroupBuilder hazards)
    {
        var api = hazards.MapGroup("/codes").WithTags("Codes");
        api.MapGet("/{code}", CodeResolver.Resolve).WithName("ResolveCode")
            .WithSummary("Resolve a product code in full: product, enterprise, chemical and hazards, current SDS and label, trace summary (an enterprise: codes it owns, holds or receives)").RequireAuthorization(HazardsPolicies.Read);
        api.MapGet("/{code}/qr", QrCodes.GetQr).WithName("GetCodeQr")
            .WithSummary("The code's QR image (PNG, or SVG with ?format=svg or Accept: image/svg+xml) encoding its resolve URL").RequireAuthorization(HazardsPolicies.Read);
        api.MapPut("/{code}/sds", ReviseSds).WithName("ReviseSds")
            .WithSummary("Revise the SDS: a new revision, same code").WithRequestExample(HazardExamples.Sds).RequireAuthorization(HazardsPolicies.WriteOwn);
        api.MapPut("/{code}/label", ReviseLabel).WithName("ReviseLabel")
            .WithSummary("Revise the label: a new revision, same code").WithRequestExample(HazardExamples.Label).RequireAuthorization(HazardsPolicies.WriteOwn);
        api.MapGet("/{code}/sds/history", SdsHistory).WithName("GetSdsHistory")
            .WithSummary("Every SDS revision of the code, newest first").RequireAuthorization(HazardsPolicies.Read);
        api.MapGet("/{code}/label/history", LabelHistory).WithName("GetLabelHistory")
            .WithSummary("Every label revision of the code, newest first").RequireAuthorization(HazardsPolicies.Read);
        return hazards;
    }

    /// <summary>The code's check character is verified before any lookup: a mistyped code is a 400, never a 404.</summary>
    public static ValidationProblem? CheckCode(ref string code)
    {
        code = code.Trim().ToUpperInvariant();
        return ProductCode.IsValid(code) ? null : Problems.Invalid("code", ProductCode.Explain(code));
    }

    public static Task<Results<Ok<SdsResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ReviseSds(
        string code, SdsRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken) =>
        ReviseAsync(code, errors => ProductValidation.Validate(request, errors, prefix: ""), services,
            (productId, next) => ProductValidation.ToSds(productId, next, request, services.Events.Now, services.Actor), SdsResponse.From, cancellationToken);

    public static Task<Results<Ok<LabelResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ReviseLabel(
        string code, LabelRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken) =>
        ReviseAsync(code, errors => ProductValidation.Validate(request, errors, prefix: ""), services,
            (productId, next) => ProductValidation.ToLabel(productId, next, request, services.Events.Now, services.Actor), LabelResponse.From, cancellationToken);

    /// <summary>A new SDS or label revision of the caller's own product; earlier revisions stay as history.</summary>
    private static async Task<Results<Ok<TResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ReviseAsync<TRevision, TResponse>(
        string code, Action<Dictionary<string, string[]>> validate, HazardServices services,
        Func<Guid, int, TRevision> create, Func<TRevision, TResponse> respond, CancellationToken cancellationToken)
        where TRevision : class, IProductRevision
    {
        if (CheckCode(ref code) is { } invalid)
        {
            return invalid;
        }
        var errors = new Dictionary<string, string[]>();
        validate(errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var product = await services.Db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Code == code, cancellationToken);
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        if (!await services.MayActForAsync(product.EnterpriseId, cancellationToken))
        {
            return HazardServices.NotYours(product.EnterpriseId);
        }
        // The next number is read and taken in one transaction: on SQLite it holds the write lock, so concurrent
        // revisions queue and number on without gaps; elsewhere the (product, revision) key makes the loser a 409.
        await using var transaction = await services.Db.BeginOrJoinTransactionAsync(cancellationToken);
        var revisions = services.Db.Set<TRevision>();
        var latest = await revisions.Where(r => r.ProductId == product.Id).MaxAsync(r => r.Revision, cancellationToken);
        var revision = create(product.Id, latest + 1);
        revisions.Add(revision);
        await services.Db.SaveChangesAsync(cancellationToken);
        services.Cache.InvalidateAfterCommit(transaction, code);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(respond(revision));
    }

    public static Task<Results<Ok<IReadOnlyList<SdsResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> SdsHistory(
        string code, [AsParameters] HazardServices services, CancellationToken cancellationToken) =>
        HistoryAsync<SdsRevision, SdsResponse>(code, services, SdsResponse.From, cancellationToken);

    public static Task<Results<Ok<IReadOnlyList<LabelResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> LabelHistory(
        string code, [AsParameters] HazardServices services, CancellationToken cancellationToken) =>
        HistoryAsync<LabelRevision, LabelResponse>(code, services, LabelResponse.From, cancellationToken);

    private static async Task<Results<Ok<IReadOnlyList<TResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> HistoryAsync<TRevision, TResponse>(
        string code, HazardServices services, Func<TRevision, TResponse> respond, CancellationToken cancellationToken)
        where TRevision : class, IProductRevision
    {
        if (CheckCode(ref code) is { } invalid)
        {
            return invalid;
        }
        var (product, refused) = await services.ReadableProductAsync(code, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (product is null)
        {
            return TypedResults.NotFound();
        }
        var id = product.Id;
        var revisions = await services.Db.Set<TRevision>().AsNoTracking().Where(r => r.ProductId == id).OrderByDescending(r => r.Revision).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TResponse>>([.. revisions.Select(respond)]);
    }
}
