using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using static Hazards.API.Apis.HiddenDangerRules;

namespace Hazards.API.Apis;

/// <summary>A regulator's verification of a reported hidden danger (a citizen's report): verified, or rejected with a reason the reporter sees.</summary>
public static class HiddenDangerVerificationApi
{
    public static async Task<Results<Ok<HiddenDangerResponse>, NotFound, ValidationProblem, ProblemHttpResult>> Verify(
        Guid dangerId, VerifyHiddenDangerRequest request, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if ((await services.BindingAsync(cancellationToken)).Bound)
        {
            return NotARegulator(dangerId, "The caller acts for an enterprise: reported hidden dangers are verified by the regulator.");
        }
        if (!EnumNames.TryParse<VerificationDecision>(request.Decision, out var decision))
        {
            return Problems.Invalid("decision", $"Decision is one of: {EnumNames.List<VerificationDecision>()}.");
        }
        var reason = Trimmed(request.Reason);
        if (decision == VerificationDecision.Reject && reason is null)
        {
            return Problems.Invalid("reason", "Say why it is rejected: the reporter sees the reason.");
        }
        var (danger, enterprise, refused) = await services.LoadAsync(dangerId, cancellationToken);
        if (refused is not null || danger is null)
        {
            return refused is null ? TypedResults.NotFound() : refused;
        }
        if (danger.State != HiddenDangerState.Reported)
        {
            return WrongState(danger, "verification", HiddenDangerState.Reported);
        }
        if (decision == VerificationDecision.Verify)
        {
            danger.State = HiddenDangerState.Verified;
            services.Step(danger, HiddenDangerAction.Verified, reason);
            services.Events.HiddenDangerVerified(danger, enterprise!, services.Actor);
        }
        else
        {
            (danger.State, danger.RejectionReason) = (HiddenDangerState.Rejected, reason);
            services.Step(danger, HiddenDangerAction.Rejected, reason);
            services.Events.HiddenDangerRejected(danger, enterprise!, services.Actor);
        }
        return await HiddenDangerLoopApi.SaveAsync(services, danger, cancellationToken);
    }
}
