using EmergencyOps.ServiceDefaults;
using EmergencyOps.Messaging.Persistence;
using Hazards.API.Extensions;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>The GB 18218 tables as data: read by anyone, edited by administrators when the standard is revised.</summary>
public static class StandardTablesApi
{
    public static RouteGroupBuilder MapStandardTablesApi(this RouteGroupBuilder hazards)
    {
        var api = hazards.MapGroup("/tables/gb18218").WithTags("GB 18218 tables");
        api.MapGet("/", GetTables).WithName("GetGb18218Tables")
            .WithSummary("The GB 18218 tables in force: named Q, category Q, β for toxic gases and categories, α bands, levels").RequireAuthorization(HazardsPolicies.Read);
        api.MapPut("/categories/{code}", PutCategory).WithName("PutHazardCategory")
            .WithSummary("Change a Table 2 category's critical quantity Q or its Table 4 β")
            .WithRequestExample(HazardExamples.Category).RequireAuthorization(HazardsPolicies.Admin);
        api.MapPut("/alpha-bands", PutAlphaBands).WithName("PutAlphaBands")
            .WithSummary("Replace the α bands (people within 500 m outside the site)")
            .WithRequestExample(HazardExamples.AlphaBands).RequireAuthorization(HazardsPolicies.Admin);
        return hazards;
    }

    public static async Task<Ok<StandardTablesResponse>> GetTables([AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var chemicals = await services.Db.Chemicals.AsNoTracking().OrderBy(c => c.Cas).ToListAsync(cancellationToken);
        var categories = await services.Db.Categories.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
        var bands = await services.Db.AlphaBands.AsNoTracking().OrderByDescending(b => b.MinPeople).ToListAsync(cancellationToken);
        return TypedResults.Ok(new StandardTablesResponse(
            bands.FirstOrDefault()?.Edition ?? Infrastructure.StandardTables.Gb18218Edition,
            [.. chemicals.Where(c => c.CriticalQuantity is not null).Select(c => new ChemicalQuantity(c.Cas, c.NameZh, c.CriticalQuantity!.Value))],
            categories,
            [.. chemicals.Where(c => c.ToxicGasBeta is not null).Select(c => new ToxicGasBeta(c.Cas, c.NameZh, c.ToxicGasBeta!.Value))],
            bands,
            [new("level1", "一级", 100, null), new("level2", "二级", 50, 100), new("level3", "三级", 10, 50), new("level4", "四级", 0, 10)]));
    }

    public static async Task<Results<Ok<HazardCategory>, NotFound, ValidationProblem>> PutCategory(
        string code, PutCategoryRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.Description)) errors["description"] = ["A description is required."];
        if (request.CriticalQuantity is not > 0) errors["criticalQuantity"] = ["Q is more than 0 tonnes."];
        if (request.Beta is not > 0) errors["beta"] = ["β is more than 0."];
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await using var transaction = await services.Db.BeginOrJoinTransactionAsync(cancellationToken);
        var category = await services.Db.Categories.SingleOrDefaultAsync(c => c.Code == code, cancellationToken);
        if (category is null)
        {
            return TypedResults.NotFound();
        }
        (category.Description, category.CriticalQuantity, category.Beta) = (request.Description!.Trim(), request.CriticalQuantity!.Value, request.Beta!.Value);
        await services.Db.SaveChangesAsync(cancellationToken);
        await services.Evaluator.ReevaluateAsync(null, $"table 2/4 changed: {code}", cancellationToken);
        await services.Risk.SaveAsync(cancellationToken); // re-graded units move their enterprises' risk levels
        // A category's Q and β are part of every resolution of a chemical in it (its effective factors).
        services.Cache.InvalidateAllAfterCommit(transaction);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(category);
    }

    public static async Task<Results<Ok<List<AlphaBand>>, ValidationProblem>> PutAlphaBands(
        PutAlphaBandsRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var bands = request.Bands ?? [];
        if (bands.Any(b => b.MinPeople is not >= 0 || b.Alpha is not > 0) || bands.Select(b => b.MinPeople).Distinct().Count() != bands.Count)
        {
            return Problems.Invalid("bands", "Each band has a distinct minPeople of 0 or more and an α above 0.");
        }
        if (!bands.Any(b => b.MinPeople == 0))
        {
            return Problems.Invalid("bands", "A band starting at 0 people is required, so every count has an α.");
        }
        var edition = (await services.Db.AlphaBands.AsNoTracking().FirstOrDefaultAsync(cancellationToken))?.Edition ?? Infrastructure.StandardTables.Gb18218Edition;
        // The banding is replaced as a whole, in one transaction: never half old, half new.
        await using var transaction = await services.Db.BeginOrJoinTransactionAsync(cancellationToken);
        await services.Db.AlphaBands.ExecuteDeleteAsync(cancellationToken);
        var rows = bands.Select(b => new AlphaBand { MinPeople = b.MinPeople!.Value, Alpha = b.Alpha!.Value, Edition = edition }).OrderByDescending(b => b.MinPeople).ToList();
        services.Db.AlphaBands.AddRange(rows);
        await services.Db.SaveChangesAsync(cancellationToken);
        await services.Evaluator.ReevaluateAsync(null, "α bands changed", cancellationToken);
        await services.Risk.SaveAsync(cancellationToken); // re-graded units move their enterprises' risk levels
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(rows);
    }
}
