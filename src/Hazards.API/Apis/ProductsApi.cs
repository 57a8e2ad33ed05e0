using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Persistence;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>An enterprise registers a product (enterprise × chemical) with its SDS and label, and is issued its code; its products are listed per enterprise.</summary>
public static class ProductsApi
{
    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder hazards)
    {
        hazards.MapPost("/enterprises/{id:guid}/products", RegisterProduct).WithName("RegisterProduct").WithTags("Products").WithIdempotency<HazardsContext>()
            .WithSummary("Register a product with its SDS (GB/T 16483) and label (GB 15258) and issue its code (一企一品一码)")
            .WithRequestExample(HazardExamples.Product).RequireAuthorization(HazardsPolicies.WriteOwn);
        hazards.MapGet("/enterprises/{id:guid}/products", ListEnterpriseProducts).WithName("ListEnterpriseProducts").WithTags("Products")
            .WithSummary("The products coded for one enterprise (and their codes), paged; an enterprise reads its own only").RequireAuthorization(HazardsPolicies.Read);
        return hazards;
    }

    public static async Task<Results<Ok<PaginatedItems<ProductResponse>>, NotFound, ProblemHttpResult>> ListEnterpriseProducts(
        Guid id, [AsParameters] HazardServices services, CancellationToken cancellationToken, [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        if (!await services.Db.Enterprises.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var query = services.Db.Products.AsNoTracking().Where(p => p.EnterpriseId == id);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderBy(p => p.Code).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<ProductResponse>(pageIndex, pageSize, count, [.. page.Select(services.Issuer.Response)]));
    }

    public static async Task<Results<Created<ProductResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RegisterProduct(
        Guid id, RegisterProductRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var errors = new Dictionary<string, string[]>();
        if (!CasNumber.IsValid(request.Cas)) errors["cas"] = [CasNumber.Explain(request.Cas)];
        if (string.IsNullOrWhiteSpace(request.TradeName) || request.TradeName.Length > HazardLimits.NameLength) errors["tradeName"] = [$"A trade name of 1 to {HazardLimits.NameLength} characters is required."];
        if (string.IsNullOrWhiteSpace(request.Concentration)) errors["concentration"] = ["The concentration or purity is required (e.g. '≥99.6%')."];
        if (string.IsNullOrWhiteSpace(request.Packaging)) errors["packaging"] = ["The packaging is required (e.g. '钢瓶 50 kg')."];
        ProductValidation.Validate(request.Sds, errors);
        ProductValidation.Validate(request.Label, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var enterprise = await services.Db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enterprise is null)
        {
            return TypedResults.NotFound();
        }
        var chemical = await services.Db.Chemicals.AsNoTracking().SingleOrDefaultAsync(c => c.Cas == request.Cas, cancellationToken);
        if (chemical is null)
        {
            return Problems.Invalid("cas", $"{request.Cas} is not in the chemical catalogue; an administrator adds it first.");
        }

        await using var transaction = await services.Db.BeginOrJoinTransactionAsync(cancellationToken);
        var template = new Product
        {
            Code = "", Cas = chemical.Cas, TradeName = request.TradeName!.Trim(), Concentration = request.Concentration!.Trim(), Packaging = request.Packaging!.Trim(),
        };
        var product = await services.Issuer.IssueAsync(enterprise, chemical, template,
            ProductValidation.ToSds(Guid.Empty, 1, request.Sds!, services.Events.Now, services.Actor),
            ProductValidation.ToLabel(Guid.Empty, 1, request.Label!, services.Events.Now, services.Actor), cancellationToken);
        await services.Db.SaveChangesAsync(cancellationToken);
        // A new code has no entry to remove, unless a database was replaced under a Redis that outlived it.
        services.Cache.InvalidateAfterCommit(transaction, product.Code);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/hazards/codes/{product.Code}", services.Issuer.Response(product));
    }
}
