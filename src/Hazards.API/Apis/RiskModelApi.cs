using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Geography;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>
/// The enterprise risk model (风险预警模型): an enterprise's level with every term of its score, the regulators' ranking by
/// district, and the weights, which administrators edit (every level is recomputed with the new weights at once).
/// </summary>
public static class RiskModelApi
{
    public static RouteGroupBuilder MapRiskModelApi(this RouteGroupBuilder hazards)
    {
        hazards.MapGet("/enterprises/{id:guid}/risk", GetEnterpriseRisk).WithName("GetEnterpriseRisk").WithTags("Risk model")
            .WithSummary("The enterprise's dynamic risk level (蓝/黄/橙/红), its score and every term of it").RequireAuthorization(HazardsPolicies.Read);
        hazards.MapGet("/risk-ranking", GetRiskRanking).WithName("GetRiskRanking").WithTags("Risk model")
            .WithSummary("Enterprises ranked by risk score, highest first, optionally of one district and level, paged (regulators)")
            .RequireAuthorization(HazardsPolicies.Supervise);
        var weights = hazards.MapGroup("/risk-model/weights").WithTags("Risk model");
        weights.MapGet("/", GetWeights).WithName("GetRiskWeights").WithSummary("The risk model's weights and thresholds in force").RequireAuthorization(HazardsPolicies.Read);
        weights.MapPut("/", PutWeights).WithName("PutRiskWeights")
            .WithSummary("Replace the risk model's weights and thresholds; every enterprise's level is recomputed with them (administrators)")
            .WithRequestExample(HazardExamples.RiskWeights).RequireAuthorization(HazardsPolicies.Admin);
        return hazards;
    }

    public static async Task<Results<Ok<EnterpriseRiskResponse>, NotFound, ProblemHttpResult>> GetEnterpriseRisk(
        Guid id, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var enterprise = await services.Db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enterprise is null)
        {
            return TypedResults.NotFound();
        }
        // Assessed now from the data, so the terms are today's; the stored row says since when the level holds.
        var weights = await services.Risk.WeightsAsync(cancellationToken);
        var assessment = RiskAssessment.Assess(await services.Risk.FactsAsync(id, cancellationToken), weights);
        var row = await services.Db.EnterpriseRisks.AsNoTracking().SingleOrDefaultAsync(r => r.EnterpriseId == id, cancellationToken);
        return TypedResults.Ok(new EnterpriseRiskResponse(id, enterprise.Name, enterprise.DistrictCode, assessment.Score, assessment.Level,
            Lec.ColourName(assessment.Level), Lec.LevelName(assessment.Level), assessment.Terms,
            new RiskThresholds(Lec.Normalize(weights.YellowFrom), Lec.Normalize(weights.OrangeFrom), Lec.Normalize(weights.RedFrom)),
            services.Events.Now, row?.Level == assessment.Level ? row.LevelSince : null));
    }

    public static async Task<Results<Ok<PaginatedItems<RiskRankingEntry>>, ValidationProblem, ProblemHttpResult>> GetRiskRanking(
        [AsParameters] HazardServices services, CancellationToken cancellationToken,
        [Text(HazardLimits.DistrictCodeLength)] string? district = null, [OneOf(typeof(RiskColour)), Text(HazardLimits.EnumNameLength)] string? level = null,
        [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if ((await services.BindingAsync(cancellationToken)).Bound)
        {
            return HiddenDangerRules.NotARegulator(Guid.Empty, "The caller acts for an enterprise: the ranking of every enterprise is the regulator's.");
        }
        if (district is not null && !Districts.IsKnown(district))
        {
            return Problems.Invalid("district", $"'{district}' is not a Shanghai district code.");
        }
        RiskColour? levelFilter = EnumNames.TryParse<RiskColour>(level, out var l) ? l : null;
        if (level is not null && levelFilter is null)
        {
            return Problems.Invalid("level", $"Level is one of: {EnumNames.List<RiskColour>()}.");
        }
        var db = services.Db;
        var query = from r in db.EnterpriseRisks.AsNoTracking() join e in db.Enterprises.AsNoTracking() on r.EnterpriseId equals e.Id select new { r, e };
        if (district is not null) query = query.Where(x => x.e.DistrictCode == district);
        if (levelFilter is not null) query = query.Where(x => x.r.Level == levelFilter);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(x => x.r.Score).ThenBy(x => x.e.Name)
            .Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<RiskRankingEntry>(pageIndex, pageSize, count,
            [.. page.Select((x, i) => RiskRankingEntry.From(pageIndex * pageSize + i + 1, x.r, x.e))]));
    }

    public static async Task<Ok<RiskWeightsResponse>> GetWeights([AsParameters] HazardServices services, CancellationToken cancellationToken) =>
        TypedResults.Ok(RiskWeightsResponse.From(await services.Risk.WeightsAsync(cancellationToken)));

    public static async Task<Results<Ok<RiskWeightsResponse>, ValidationProblem, ProblemHttpResult>> PutWeights(
        RiskWeightsRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var errors = RiskWeightsValidation.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var db = services.Db;
        try
        {
            await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
            var weights = await db.RiskWeights.SingleOrDefaultAsync(w => w.Id == RiskWeights.SingletonId, cancellationToken);
            if (weights is null)
            {
                weights = new RiskWeights();
                db.RiskWeights.Add(weights);
            }
            RiskWeightsValidation.Apply(weights, request, services.Events.Now, services.Actor);
            await db.SaveChangesAsync(cancellationToken);
            // Every level under the new weights, in the same transaction: no reader sees levels of two weightings.
            var ids = await db.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => e.Id).ToListAsync(cancellationToken);
            foreach (var chunk in ids.Chunk(200))
            {
                await services.Risk.RecomputeAsync(chunk, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(RiskWeightsResponse.From(weights, ids.Count));
        }
        catch (DbUpdateException)
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Concurrent edit", "Another administrator changed the weights at the same moment; read them and edit again.");
        }
    }
}
