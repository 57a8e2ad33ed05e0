using EmergencyOps.Geography;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

public static class EnterprisesApi
{
    public static RouteGroupBuilder MapEnterprisesApi(this RouteGroupBuilder hazards)
    {
        var api = hazards.MapGroup("/enterprises").WithTags("Enterprises");
        api.MapPost("/", RegisterEnterprise).WithName("RegisterEnterprise").WithIdempotency<HazardsContext>()
            .WithSummary("Register an enterprise by its unified social credit code (GB 32100)")
            .WithRequestExample(HazardExamples.Enterprise).RequireAuthorization(HazardsPolicies.Write);
        api.MapGet("/", ListEnterprises).WithName("ListEnterprises")
            .WithSummary("Enterprises by district, paged").RequireAuthorization(HazardsPolicies.Read);
        api.MapGet("/{id:guid}", GetEnterprise).WithName("GetEnterprise")
            .WithSummary("One enterprise").RequireAuthorization(HazardsPolicies.Read);
        return hazards;
    }

    public static async Task<Results<Created<EnterpriseResponse>, ValidationProblem, ProblemHttpResult>> RegisterEnterprise(
        RegisterEnterpriseRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var errors = EnterpriseValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await services.Db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.CreditCode == request.CreditCode, cancellationToken) is { } existing)
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Enterprise already registered",
                $"Credit code {request.CreditCode} is registered already, as '{existing.Name}' ({existing.Id}).", new() { ["enterpriseId"] = existing.Id });
        }
        if (await services.Db.Enterprises.AnyAsync(e => e.ShortCode == request.ShortCode, cancellationToken))
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Short code taken", $"Short code {request.ShortCode} belongs to another enterprise; product codes must stay unique.");
        }
        var enterprise = EnterpriseValidation.ToEnterprise(request, services.Events.Now);
        services.Db.Enterprises.Add(enterprise);
        services.Db.EnterpriseCodes.Add(EnterpriseCode.For(enterprise.Id));
        services.Events.EnterpriseRegistered(enterprise);
        if (!await services.TrySaveAsync(cancellationToken))
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Enterprise already registered", $"Credit code {request.CreditCode} or short code {request.ShortCode} was registered at the same moment.");
        }
        return TypedResults.Created($"/api/hazards/enterprises/{enterprise.Id}", EnterpriseResponse.From(enterprise));
    }

    public static async Task<Results<Ok<PaginatedItems<EnterpriseResponse>>, ValidationProblem>> ListEnterprises(
        [AsParameters] HazardServices services, CancellationToken cancellationToken,
        [Text(HazardLimits.DistrictCodeLength)] string? district = null,
        [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 20)
    {
        if (district is not null && !Districts.IsKnown(district))
        {
            return Problems.Invalid("district", $"'{district}' is not a Shanghai district code.");
        }
        // An enterprise sees itself only; the bureau's callers see every enterprise.
        var query = (await services.BindingAsync(cancellationToken)).Filter(services.Db.Enterprises.AsNoTracking());
        if (district is not null)
        {
            query = query.Where(e => e.DistrictCode == district);
        }
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderBy(e => e.DistrictCode).ThenBy(e => e.Name).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<EnterpriseResponse>(pageIndex, pageSize, count, [.. page.Select(EnterpriseResponse.From)]));
    }

    public static async Task<Results<Ok<EnterpriseResponse>, NotFound, ProblemHttpResult>> GetEnterprise(
        Guid id, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        return await services.Db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken) is { } e
            ? TypedResults.Ok(EnterpriseResponse.From(e))
            : TypedResults.NotFound();
    }
}
