using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>A regulator's review of a filed risk list: accepted, or returned with a note; once, and only the latest filing.</summary>
public static class RiskReviewApi
{
    public static RouteGroupBuilder MapRiskReviewApi(this RouteGroupBuilder riskLists)
    {
        riskLists.MapPost("/{version:int}/review", ReviewRiskList).WithName("ReviewRiskList").WithIdempotency<HazardsContext>()
            .WithSummary("Accept a filing, or return it with a note saying what to change (regulators)")
            .WithRequestExample(HazardExamples.Review).RequireAuthorization(HazardsPolicies.Supervise);
        return riskLists;
    }

    public static async Task<Results<Ok<RiskListSummary>, NotFound, ValidationProblem, ProblemHttpResult>> ReviewRiskList(
        Guid id, int version, ReviewRiskListRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        // The regulator is the bureau's: a caller acting for an enterprise reviews no filing, its own least of all.
        if ((await services.BindingAsync(cancellationToken)).Bound)
        {
            return HazardServices.Problem(StatusCodes.Status403Forbidden, "Not a regulator",
                "The caller acts for an enterprise: filings are reviewed by the regulator.", new() { ["enterpriseId"] = id });
        }
        var decision = EnumNames.TryParse<ReviewDecision>(request.Decision, out var d) ? d : (ReviewDecision?)null;
        if (decision is null)
        {
            return Problems.Invalid("decision", $"Decision is one of: {EnumNames.List<ReviewDecision>()}.");
        }
        var note = string.IsNullOrWhiteSpace(request.Note) ? null : request.Note.Trim();
        if (decision == ReviewDecision.Return && note is null)
        {
            return Problems.Invalid("note", "Say what the enterprise must change: a returned filing needs a note.");
        }
        var list = await services.Db.RiskLists.SingleOrDefaultAsync(l => l.EnterpriseId == id && l.Version == version, cancellationToken);
        if (list is null)
        {
            return TypedResults.NotFound();
        }
        if (list.Status != RiskListStatus.Filed)
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Already reviewed",
                $"Version {version} was {Status(list)} by {list.ReviewedBy}; a filing is reviewed once.", new() { ["status"] = Status(list) });
        }
        var latest = await services.Db.RiskLists.Where(l => l.EnterpriseId == id).MaxAsync(l => l.Version, cancellationToken);
        if (latest != version)
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Superseded",
                $"The enterprise filed version {latest} after version {version}: review the latest filing.", new() { ["latestVersion"] = latest });
        }
        (list.Status, list.ReviewedBy, list.ReviewedAt, list.ReviewNote) =
            (decision == ReviewDecision.Accept ? RiskListStatus.Accepted : RiskListStatus.Returned, services.Actor, services.Events.Now, note);
        list.Revision++;
        return await services.TrySaveAsync(cancellationToken)
            ? TypedResults.Ok(RiskListSummary.From(list))
            : HazardServices.Problem(StatusCodes.Status409Conflict, "Already reviewed", $"Version {version} was reviewed at the same moment; read it again.");
    }

    private static string Status(RiskList list) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(list.Status.ToString());
}
