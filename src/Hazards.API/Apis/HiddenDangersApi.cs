using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>
/// Hidden dangers (隐患排查治理): reported by the enterprise's own inspection or a regulator's, graded 一般 or 重大 (any
/// criterion of 安监总管三〔2017〕121号 makes it 重大), then carried through the closed loop (<see cref="HiddenDangerLoopApi"/>).
/// </summary>
public static class HiddenDangersApi
{
    public static RouteGroupBuilder MapHiddenDangersApi(this RouteGroupBuilder hazards)
    {
        hazards.MapGet("/major-danger-criteria", ListCriteria).WithName("ListMajorDangerCriteria").WithTags("Hidden dangers")
            .WithSummary("The 20 criteria of major accident hidden dangers (安监总管三〔2017〕121号), by number").RequireAuthorization(HazardsPolicies.Read);
        var enterprise = hazards.MapGroup("/enterprises/{id:guid}/hidden-dangers").WithTags("Hidden dangers");
        enterprise.MapPost("/", Report).WithName("ReportHiddenDanger").WithIdempotency<HazardsContext>()
            .WithSummary("Report a hidden danger found by the enterprise's own inspection (hazards:write-own) or a regulator's (hazards:supervise)")
            .WithRequestExample(HazardExamples.HiddenDanger).RequireAuthorization().WithMetadata(HazardsPolicies.EnterpriseOrRegulator);
        enterprise.MapGet("/", List).WithName("ListHiddenDangers")
            .WithSummary("The enterprise's hidden dangers, newest first, optionally of one state and grade, paged").RequireAuthorization(HazardsPolicies.Read);
        var dangers = hazards.MapGroup("/hidden-dangers").WithTags("Hidden dangers");
        dangers.MapGet("/{dangerId:guid}", Get).WithName("GetHiddenDanger")
            .WithSummary("One hidden danger with its plan, evidence, supervision and every step of its loop").RequireAuthorization(HazardsPolicies.Read);
        dangers.MapHiddenDangerLoopApi();
        dangers.MapHiddenDangerSupervisionApi();
        dangers.MapHiddenDangerQueueApi();
        return hazards;
    }

    public static async Task<Ok<IReadOnlyList<MajorDangerCriterionResponse>>> ListCriteria(HazardsContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<MajorDangerCriterionResponse>>(
            [.. (await db.MajorDangerCriteria.AsNoTracking().OrderBy(c => c.Number).ToListAsync(cancellationToken)).Select(MajorDangerCriterionResponse.From)]);

    public static async Task<Results<Created<HiddenDangerResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Report(
        Guid id, ReportHiddenDangerRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var known = (await services.Db.MajorDangerCriteria.Select(c => c.Number).ToListAsync(cancellationToken)).ToHashSet();
        var errors = HiddenDangerValidation.Report(request, known);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var enterprise = await services.Db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enterprise is null)
        {
            return TypedResults.NotFound();
        }
        var requested = EnumNames.TryParse<HiddenDangerGrade>(request.Grade, out var g) ? g : HiddenDangerGrade.General;
        List<int> criteria = [.. (request.Criteria ?? []).Distinct().Order()];
        var bound = (await services.BindingAsync(cancellationToken)).Bound;
        var danger = new HiddenDanger
        {
            EnterpriseId = id, Title = request.Title!.Trim(), Description = request.Description!.Trim(), Location = HiddenDangerRules.Trimmed(request.Location),
            Source = !bound && services.User.HasScope(HazardsPolicies.Supervise) ? HiddenDangerSource.Regulator : HiddenDangerSource.Enterprise,
            RequestedGrade = requested, Grade = MajorDangerCriteria.GradeOf(requested, criteria), Criteria = criteria,
            // An inspection's report needs no verification: it starts verified, and the report is its first step.
            State = HiddenDangerState.Verified, ReportedBy = services.Actor, ReportedAt = services.Events.Now,
        };
        services.Db.HiddenDangers.Add(danger);
        services.Step(danger, HiddenDangerAction.Reported);
        services.Events.HiddenDangerReported(danger, enterprise);
        if (!await services.TrySaveAsync(cancellationToken))
        {
            return HiddenDangerRules.Concurrent(danger.Id);
        }
        return TypedResults.Created($"/api/hazards/hidden-dangers/{danger.Id}", await services.AnswerAsync(danger, cancellationToken));
    }

    public static async Task<Results<Ok<PaginatedItems<HiddenDangerSummary>>, NotFound, ValidationProblem, ProblemHttpResult>> List(
        Guid id, [AsParameters] HazardServices services, CancellationToken cancellationToken,
        [OneOf(typeof(HiddenDangerState)), Text(HazardLimits.EnumNameLength)] string? state = null,
        [OneOf(typeof(HiddenDangerGrade)), Text(HazardLimits.EnumNameLength)] string? grade = null,
        [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        HiddenDangerState? inState = EnumNames.TryParse<HiddenDangerState>(state, out var s) ? s : null;
        if (state is not null && inState is null)
        {
            return Problems.Invalid("state", $"State is one of: {EnumNames.List<HiddenDangerState>()}.");
        }
        HiddenDangerGrade? ofGrade = EnumNames.TryParse<HiddenDangerGrade>(grade, out var g) ? g : null;
        if (grade is not null && ofGrade is null)
        {
            return Problems.Invalid("grade", $"Grade is one of: {EnumNames.List<HiddenDangerGrade>()}.");
        }
        if (!await services.Db.Enterprises.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var query = services.Db.HiddenDangers.AsNoTracking().Where(d => d.EnterpriseId == id);
        query = inState is null ? query : query.Where(d => d.State == inState);
        query = ofGrade is null ? query : query.Where(d => d.Grade == ofGrade);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(d => d.ReportedAt).ThenBy(d => d.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<HiddenDangerSummary>(pageIndex, pageSize, count, [.. page.Select(HiddenDangerSummary.From)]));
    }

    public static async Task<Results<Ok<HiddenDangerResponse>, NotFound, ProblemHttpResult>> Get(
        Guid dangerId, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var (danger, _, refused) = await services.LoadAsync(dangerId, cancellationToken, tracked: false);
        if (refused is not null)
        {
            return refused;
        }
        return danger is null ? TypedResults.NotFound() : TypedResults.Ok(await services.AnswerAsync(danger, cancellationToken));
    }
}
