using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using static Hazards.API.Apis.HiddenDangerRules;

namespace Hazards.API.Apis;

/// <summary>
/// The closed loop after the report: verified or rejected (a regulator, for reports awaiting it), the rectification plan
/// (五到位) and the rectification (the enterprise), the review (复查: a regulator for 重大, the enterprise or a regulator for
/// 一般), passed → closed (销号) or failed → rectifying again. Each refused step is a 409 naming the state it needs.
/// </summary>
public static class HiddenDangerLoopApi
{
    public static RouteGroupBuilder MapHiddenDangerLoopApi(this RouteGroupBuilder dangers)
    {
        dangers.MapPost("/{dangerId:guid}/verification", HiddenDangerVerificationApi.Verify).WithName("VerifyHiddenDanger").WithIdempotency<HazardsContext>()
            .WithSummary("Verify a reported hidden danger, or reject it with a reason (regulators; reports awaiting verification)")
            .WithRequestExample(HazardExamples.Verification).RequireAuthorization(HazardsPolicies.Supervise);
        dangers.MapPost("/{dangerId:guid}/plan", Plan).WithName("PlanRectification").WithIdempotency<HazardsContext>()
            .WithSummary("The enterprise's rectification plan (五到位): measures, responsible person, funds, deadline")
            .WithRequestExample(HazardExamples.Plan).RequireAuthorization(HazardsPolicies.WriteOwn);
        dangers.MapPost("/{dangerId:guid}/rectification", Rectify).WithName("ReportRectification").WithIdempotency<HazardsContext>()
            .WithSummary("The enterprise reports the hidden danger rectified, with its evidence")
            .WithRequestExample(HazardExamples.Rectification).RequireAuthorization(HazardsPolicies.WriteOwn);
        dangers.MapPost("/{dangerId:guid}/review", Review).WithName("ReviewHiddenDanger").WithIdempotency<HazardsContext>()
            .WithSummary("Review (复查) the rectification: passed closes it (销号), failed sends it back; 重大 by a regulator (hazards:supervise), 一般 also by the enterprise (hazards:write-own)")
            .WithRequestExample(HazardExamples.HiddenDangerReview).RequireAuthorization().WithMetadata(HazardsPolicies.EnterpriseOrRegulator);
        return dangers;
    }

    public static async Task<Results<Ok<HiddenDangerResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Plan(
        Guid dangerId, RectificationPlanRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var errors = HiddenDangerValidation.Plan(request, services.Events.NowOffset);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var (danger, _, refused) = await services.LoadAsync(dangerId, cancellationToken);
        if (refused is not null || danger is null)
        {
            return refused is null ? TypedResults.NotFound() : refused;
        }
        if (danger.State != HiddenDangerState.Verified)
        {
            return WrongState(danger, "a rectification plan", HiddenDangerState.Verified);
        }
        (danger.Measures, danger.ResponsiblePerson, danger.Funds, danger.Deadline) =
            (request.Measures!.Trim(), request.ResponsiblePerson!.Trim(), request.Funds, request.Deadline!.Value.UtcDateTime);
        danger.State = HiddenDangerState.Rectifying;
        services.Step(danger, HiddenDangerAction.Planned, danger.Measures);
        return await SaveAsync(services, danger, cancellationToken);
    }

    public static async Task<Results<Ok<HiddenDangerResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Rectify(
        Guid dangerId, RectificationRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        var evidence = Trimmed(request.Evidence);
        if (evidence is null)
        {
            return Problems.Invalid("evidence", "Give the evidence of the rectification (what was done, the acceptance, photos' references).");
        }
        var (danger, _, refused) = await services.LoadAsync(dangerId, cancellationToken);
        if (refused is not null || danger is null)
        {
            return refused is null ? TypedResults.NotFound() : refused;
        }
        if (danger.State != HiddenDangerState.Rectifying)
        {
            return WrongState(danger, "reporting it rectified", HiddenDangerState.Rectifying);
        }
        (danger.State, danger.Evidence, danger.RectifiedAt) = (HiddenDangerState.Rectified, evidence, services.Events.Now);
        services.Step(danger, HiddenDangerAction.Rectified, evidence);
        return await SaveAsync(services, danger, cancellationToken);
    }

    public static async Task<Results<Ok<HiddenDangerResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Review(
        Guid dangerId, ReviewHiddenDangerRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (request.Passed is not { } passed)
        {
            return Problems.Invalid("passed", "Say whether the rectification passed the review: true or false.");
        }
        var note = Trimmed(request.Note);
        if (!passed && note is null)
        {
            return Problems.Invalid("note", "Say what is still wrong: a failed review needs a note.");
        }
        var (danger, enterprise, refused) = await services.LoadAsync(dangerId, cancellationToken);
        if (refused is not null || danger is null)
        {
            return refused is null ? TypedResults.NotFound() : refused;
        }
        if (danger.Grade == HiddenDangerGrade.Major && !await services.IsRegulatorAsync(cancellationToken))
        {
            return NotARegulator(dangerId, "A 重大 (major) hidden danger is reviewed by the regulator, not by the enterprise.");
        }
        if (danger.State != HiddenDangerState.Rectified)
        {
            return WrongState(danger, "a review", HiddenDangerState.Rectified);
        }
        if (passed)
        {
            services.Step(danger, HiddenDangerAction.ReviewPassed, note);
            (danger.State, danger.ClosedAt) = (HiddenDangerState.Closed, services.Events.Now);
            services.Step(danger, HiddenDangerAction.Closed);
            services.Events.HiddenDangerClosed(danger, enterprise!, services.Actor);
        }
        else
        {
            (danger.State, danger.RectifiedAt) = (HiddenDangerState.Rectifying, null);
            services.Step(danger, HiddenDangerAction.ReviewFailed, note);
        }
        return await SaveAsync(services, danger, cancellationToken);
    }

    internal static async Task<Results<Ok<HiddenDangerResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        HazardServices services, HiddenDanger danger, CancellationToken cancellationToken) =>
        await services.TrySaveAsync(cancellationToken) ? TypedResults.Ok(await services.AnswerAsync(danger, cancellationToken)) : Concurrent(danger.Id);
}
