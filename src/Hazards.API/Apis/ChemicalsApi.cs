using EmergencyOps.Messaging.Persistence;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>The chemical catalogue: seeded from GB 18218-2018 Table 1, maintained by administrators.</summary>
public static class ChemicalsApi
{
    public static RouteGroupBuilder MapChemicalsApi(this RouteGroupBuilder hazards)
    {
        var api = hazards.MapGroup("/chemicals").WithTags("Chemical catalogue");
        api.MapGet("/", ListChemicals).WithName("ListChemicals")
            .WithSummary("The chemical catalogue, by name, GHS hazard class or GB 18218 category, paged").RequireAuthorization(HazardsPolicies.Read);
        api.MapGet("/{cas}", GetChemical).WithName("GetChemical")
            .WithSummary("One chemical with its GHS classification and the GB 18218 Q and β that apply").RequireAuthorization(HazardsPolicies.Read);
        api.MapPut("/{cas}", PutChemical).WithName("PutChemical")
            .WithSummary("Add a chemical to the catalogue or change one (CAS, UN number, GHS, GB 18218 data)")
            .WithRequestExample(HazardExamples.Chemical).RequireAuthorization(HazardsPolicies.Admin);
        hazards.MapGet("/products", ListProducts).WithName("ListProducts").WithTags("Products")
            .WithSummary("Coded products by chemical (CAS), GHS hazard class or enterprise, paged").RequireAuthorization(HazardsPolicies.Read);
        return hazards;
    }

    public static async Task<Results<Ok<PaginatedItems<ChemicalResponse>>, ValidationProblem>> ListChemicals(
        [AsParameters] HazardServices services, CancellationToken cancellationToken,
        [Text(HazardLimits.SearchLength)] string? search = null, [Text(HazardLimits.HazardClassLength)] string? hazardClass = null,
        [Text(HazardLimits.CategoryCodeLength)] string? category = null, [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if (hazardClass is not null && !Ghs.Classes.Contains(hazardClass) && !Ghs.IsClassification(hazardClass))
        {
            return Problems.Invalid("hazardClass", $"One of the 28 GHS classes, alone or as 'class:category': {string.Join(", ", Ghs.Classes)}.");
        }
        var categories = await services.CategoriesAsync(cancellationToken);
        if (category is not null && !categories.ContainsKey(category))
        {
            return Problems.Invalid("category", $"One of the GB 18218 Table 2 categories: {string.Join(", ", categories.Keys.Order(StringComparer.Ordinal))}.");
        }
        // The catalogue is hundreds of rows and its lists are JSON columns: filtered here, portable across providers.
        var all = await services.Db.Chemicals.AsNoTracking().OrderBy(c => c.Cas).ToListAsync(cancellationToken);
        var matching = all.Where(c => search is null || c.NameZh.Contains(search, StringComparison.OrdinalIgnoreCase)
                || c.NameEn.Contains(search, StringComparison.OrdinalIgnoreCase) || c.Cas == search || c.UnNumber == search)
            .Where(c => hazardClass is null || HasClass(c, hazardClass))
            .Where(c => category is null || c.Categories.Contains(category))
            .ToList();
        var page = matching.Skip(pageIndex * pageSize).Take(pageSize).Select(c => ChemicalResponse.From(c, categories)).ToList();
        return TypedResults.Ok(new PaginatedItems<ChemicalResponse>(pageIndex, pageSize, matching.Count, page));
    }

    public static async Task<Results<Ok<ChemicalResponse>, NotFound, ValidationProblem>> GetChemical(
        string cas, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!CasNumber.IsValid(cas))
        {
            return Problems.Invalid("cas", CasNumber.Explain(cas));
        }
        var chemical = await services.Db.Chemicals.AsNoTracking().SingleOrDefaultAsync(c => c.Cas == cas, cancellationToken);
        return chemical is null ? TypedResults.NotFound() : TypedResults.Ok(ChemicalResponse.From(chemical, await services.CategoriesAsync(cancellationToken)));
    }

    public static async Task<Results<Ok<ChemicalResponse>, Created<ChemicalResponse>, ValidationProblem>> PutChemical(
        string cas, PutChemicalRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var categories = await services.CategoriesAsync(cancellationToken);
        var errors = ChemicalValidation.Validate(cas, request, categories.Keys);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var transaction = await services.Db.BeginOrJoinTransactionAsync(cancellationToken);
        var chemical = await services.Db.Chemicals.SingleOrDefaultAsync(c => c.Cas == cas, cancellationToken);
        var created = chemical is null;
        chemical ??= services.Db.Chemicals.Add(new Chemical { Cas = cas, UnNumber = "", NameZh = "", NameEn = "", SignalWord = "", Edition = "" }).Entity;
        var edition = categories.Values.Select(c => c.Edition).FirstOrDefault() ?? StandardTables.Gb18218Edition;
        ChemicalValidation.Apply(chemical, request, edition, services.Events.Now);
        await services.Db.SaveChangesAsync(cancellationToken);
        // A new Q or β changes every unit holding the chemical: they are re-graded with the change.
        await services.Evaluator.ReevaluateAsync(cas, $"catalogue changed: {cas}", cancellationToken);
        await services.Risk.SaveAsync(cancellationToken); // re-graded units move their enterprises' risk levels
        // Every code of the chemical resolves to it: a rare edit, so all entries are retired rather than each found.
        services.Cache.InvalidateAllAfterCommit(transaction);
        await transaction.CommitAsync(cancellationToken);
        var response = ChemicalResponse.From(chemical, categories);
        return created ? TypedResults.Created($"/api/hazards/chemicals/{cas}", response) : TypedResults.Ok(response);
    }

    public static async Task<Results<Ok<PaginatedItems<ProductResponse>>, ValidationProblem>> ListProducts(
        [AsParameters] HazardServices services, CancellationToken cancellationToken,
        [Text(HazardLimits.CasLength)] string? cas = null, [Text(HazardLimits.HazardClassLength)] string? hazardClass = null, Guid? enterpriseId = null,
        [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if (cas is not null && !CasNumber.IsValid(cas))
        {
            return Problems.Invalid("cas", CasNumber.Explain(cas));
        }
        if (hazardClass is not null && !Ghs.Classes.Contains(hazardClass) && !Ghs.IsClassification(hazardClass))
        {
            return Problems.Invalid("hazardClass", $"One of the 28 GHS classes, alone or as 'class:category': {string.Join(", ", Ghs.Classes)}.");
        }
        // An enterprise lists the products it owns, holds or is receiving; an enterpriseId filter narrows that further.
        var query = (await services.BindingAsync(cancellationToken)).Filter(services.Db.Products.AsNoTracking());
        if (cas is not null) query = query.Where(p => p.Cas == cas);
        if (enterpriseId is not null) query = query.Where(p => p.EnterpriseId == enterpriseId);
        if (hazardClass is not null)
        {
            var chemicals = await services.Db.Chemicals.AsNoTracking().ToListAsync(cancellationToken);
            var withClass = chemicals.Where(c => HasClass(c, hazardClass)).Select(c => c.Cas).ToList();
            query = query.Where(p => withClass.Contains(p.Cas));
        }
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderBy(p => p.Code).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<ProductResponse>(pageIndex, pageSize, count, [.. page.Select(services.Issuer.Response)]));
    }

    // "flammable-gases" matches every category of the class; "flammable-gases:1" only that one.
    private static bool HasClass(Chemical c, string hazardClass) =>
        c.HazardClasses.Any(h => h == hazardClass || h.StartsWith(hazardClass + ":", StringComparison.Ordinal));
}
