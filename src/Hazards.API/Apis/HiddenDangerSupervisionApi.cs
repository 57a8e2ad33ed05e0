using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using static Hazards.API.Apis.HiddenDangerRules;

namespace Hazards.API.Apis;

/// <summary>
/// Listed supervision (重大事故隐患挂牌督办): a regulator lists a 重大 hidden danger with a supervising unit and deadline; it stays
/// on the list until it is closed after review.
/// </summary>
public static class HiddenDangerSupervisionApi
{
    public static RouteGroupBuilder MapHiddenDangerSupervisionApi(this RouteGroupBuilder dangers)
    {
        dangers.MapPost("/{dangerId:guid}/listing", List).WithName("ListHiddenDangerForSupervision").WithIdempotency<HazardsContext>()
            .WithSummary("List a 重大 hidden danger for supervision (挂牌督办) with a supervising unit and deadline (regulators)")
            .WithRequestExample(HazardExamples.Listing).RequireAuthorization(HazardsPolicies.Supervise);
        dangers.MapGet("/supervised", Supervised).WithName("ListSupervisedHiddenDangers")
            .WithSummary("Hidden dangers listed for supervision still on the list, earliest deadline first; with includeClosed, the closed ones after them (regulators)")
            .RequireAuthorization(HazardsPolicies.Supervise);
        return dangers;
    }

    public static async Task<Results<Ok<HiddenDangerResponse>, NotFound, ValidationProblem, ProblemHttpResult>> List(
        Guid dangerId, ListHiddenDangerRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if ((await services.BindingAsync(cancellationToken)).Bound)
        {
            return NotARegulator(dangerId, "The caller acts for an enterprise: hidden dangers are listed for supervision by the regulator.");
        }
        var errors = HiddenDangerValidation.Listing(request, services.Events.NowOffset);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (danger, enterprise, refused) = await services.LoadAsync(dangerId, cancellationToken);
        if (refused is not null || danger is null)
        {
            return refused is null ? TypedResults.NotFound() : refused;
        }
        if (danger.Grade != HiddenDangerGrade.Major)
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Not a major hidden danger",
                "Only a 重大 (major) hidden danger is listed for supervision (挂牌督办); this one is 一般 (general).",
                new() { ["rule"] = "major-only", ["grade"] = "general" });
        }
        if (danger.Listed)
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Already listed",
                $"It was listed for supervision by {danger.ListedBy} ({danger.SupervisingUnit}); it stays on the list until it is closed after review.",
                new() { ["rule"] = "listed-once" });
        }
        HiddenDangerState[] open = [HiddenDangerState.Verified, HiddenDangerState.Rectifying, HiddenDangerState.Rectified];
        if (!open.Contains(danger.State))
        {
            return WrongState(danger, "listing for supervision", open);
        }
        (danger.ListedAt, danger.ListedBy, danger.SupervisingUnit, danger.SupervisionDeadline) =
            (services.Events.Now, services.Actor, request.SupervisingUnit!.Trim(), request.Deadline!.Value.UtcDateTime);
        services.Step(danger, HiddenDangerAction.Listed, danger.SupervisingUnit);
        services.Events.HiddenDangerListed(danger, enterprise!);
        return await services.TrySaveAsync(cancellationToken) ? TypedResults.Ok(await services.AnswerAsync(danger, cancellationToken)) : Concurrent(danger.Id);
    }

    public static async Task<Results<Ok<PaginatedItems<SupervisedHiddenDanger>>, ProblemHttpResult>> Supervised(
        [AsParameters] HazardServices services, CancellationToken cancellationToken,
        bool includeClosed = false, [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if ((await services.BindingAsync(cancellationToken)).Bound)
        {
            return NotARegulator(Guid.Empty, "The caller acts for an enterprise: the supervision list is the regulator's.");
        }
        var query = services.Db.HiddenDangers.AsNoTracking().Where(d => d.ListedAt != null);
        query = includeClosed ? query : query.Where(d => d.State != HiddenDangerState.Closed);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderBy(d => d.State == HiddenDangerState.Closed).ThenBy(d => d.SupervisionDeadline).ThenBy(d => d.Id)
            .Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var ids = page.Select(d => d.EnterpriseId).Distinct().ToList();
        var names = await services.Db.Enterprises.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, cancellationToken);
        return TypedResults.Ok(new PaginatedItems<SupervisedHiddenDanger>(pageIndex, pageSize, count,
            [.. page.Select(d => new SupervisedHiddenDanger(HiddenDangerSummary.From(d), names.GetValueOrDefault(d.EnterpriseId, ""),
                new(d.SupervisingUnit!, d.SupervisionDeadline!.Value, d.ListedAt!.Value, d.ListedBy!, d.State != HiddenDangerState.Closed, d.ClosedAt)))]));
    }
}

/// <summary>A hidden danger on (or, closed, off) the supervision list, with its enterprise's name and the supervision.</summary>
public sealed record SupervisedHiddenDanger(HiddenDangerSummary Danger, string EnterpriseName, SupervisionResponse Supervision);
