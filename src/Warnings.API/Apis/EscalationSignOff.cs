using EmergencyOps.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>
/// Escalations held for a second person's sign-off (审核签发): refusing a change of level while one waits, and the
/// sign-off itself, which publishes it as the next version or rejects it.
/// </summary>
public static class EscalationSignOff
{
    /// <summary>The 409, naming <c>level</c>, for a change of level while an escalation awaits sign-off.</summary>
    public static ProblemHttpResult AwaitingSignOff(Warning warning, PendingUpdate pending)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ArgumentNullException.ThrowIfNull(pending);
        var message = $"An escalation to {pending.Level.Colour()} proposed by {pending.ProposedBy} awaits sign-off: a second person signs it off or "
            + $"rejects it (POST /api/warnings/{warning.Id}/sign-off) before the level changes again.";
        return TypedResults.Problem(message, statusCode: StatusCodes.Status409Conflict, title: "Escalation awaiting sign-off",
            extensions: new Dictionary<string, object?> { ["errors"] = Problems.Error("level", message) });
    }

    public static async Task<Results<Ok<WarningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SignOffAsync(
        Warning warning, PendingUpdate pending, bool approve, WarningServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(warning);
        ArgumentNullException.ThrowIfNull(pending);
        ArgumentNullException.ThrowIfNull(services);
        if (services.IsSamePerson(pending.ProposedBy, pending.ProposedBySubject))
        {
            return LifeCycleApi.SecondPersonRequired($"{services.Actor} proposed this escalation; a second person must sign it off (审核签发).");
        }
        if (!approve)
        {
            services.Publisher.Reject(warning, pending, services.Actor);
            return await LifeCycleApi.SaveAsync(warning, services, cancellationToken);
        }
        var next = pending.NextVersion(warning);
        var errors = new Dictionary<string, string[]>();
        WarningValidation.Times(next.Effective, next.Onset, next.Expires, services.Publisher.Now, errors);
        if (!next.Level.IsMoreSevereThan(warning.Level))
        {
            errors["level"] = [$"The warning is already {warning.Level.Colour()}."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.Problem($"The escalation no longer fits the warning ({string.Join(" ", errors.Values.SelectMany(m => m))}); reject it and propose it again.",
                statusCode: StatusCodes.Status409Conflict, title: "Escalation out of date", extensions: new Dictionary<string, object?> { ["errors"] = errors });
        }
        services.Publisher.Approve(warning, pending, next, services.Actor);
        return await LifeCycleApi.SaveAsync(warning, services, cancellationToken);
    }
}
