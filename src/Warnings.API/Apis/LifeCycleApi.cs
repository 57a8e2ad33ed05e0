using EmergencyOps.ServiceDefaults;
using EmergencyOps.Messaging.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Extensions;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>
/// Updates, lift (解除), cancel and sign-off: each published change is a new immutable version. An update raising the
/// level to one that needs sign-off is held until a second person signs it off (<see cref="EscalationSignOff"/>).
/// Only the operations centre holds <c>warnings:issue</c> and <c>warnings:sign-off</c>; the district check on each warning is
/// a second lock, should a district-bound token ever carry them.
/// </summary>
public static class LifeCycleApi
{
    public static RouteGroupBuilder MapLifeCycleApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/updates", UpdateWarning).WithName("UpdateWarning").WithRequestExample(WarningExamples.Update).WithIdempotency<WarningsContext>()
            .WithSummary("Escalate, downgrade, extend, or change the area or text: publishes a new version (200), or, raising the level to one "
                + "that needs sign-off, holds the escalation until a second person signs it off (202)").RequireAuthorization(WarningsPolicies.Issue);
        api.MapPost("/{id:guid}/lift", LiftWarning).WithName("LiftWarning").WithRequestExample(WarningExamples.Lift).WithIdempotency<WarningsContext>()
            .WithSummary("Lift (解除) a warning: the hazard has passed; published as a CAP Update with responseType AllClear").RequireAuthorization(WarningsPolicies.Issue);
        api.MapPost("/{id:guid}/cancel", CancelWarning).WithName("CancelWarning").WithRequestExample(WarningExamples.Cancel).WithIdempotency<WarningsContext>()
            .WithSummary("Cancel a warning issued in error (CAP Cancel), or discard a draft").RequireAuthorization(WarningsPolicies.Issue);
        api.MapPost("/{id:guid}/sign-off", SignOff).WithName("SignOffWarning").WithRequestExample(WarningExamples.SignOff).WithIdempotency<WarningsContext>()
            .WithSummary("A second person approves (publishes) or rejects a draft, or an escalation awaiting sign-off").RequireAuthorization(WarningsPolicies.SignOff);
        return api;
    }

    public static async Task<Results<Ok<WarningResponse>, Accepted<WarningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateWarning(
        Guid id, UpdateWarningRequest request, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        var warning = await services.FindAsync(id, cancellationToken);
        if (warning is null) return TypedResults.NotFound();
        if (services.District.Refuses(warning) is { } notYours) return notYours;
        var errors = new Dictionary<string, string[]>();
        var level = WarningValidation.Level(request.Level, WarningTypeCatalogue.Find(warning.Type), errors, required: false);
        var area = request.Area is null ? null : WarningValidation.Area(request.Area, errors);
        var headline = WarningValidation.Text(request.Headline, "headline", WarningLimits.Headline, errors, required: false);
        var description = WarningValidation.Text(request.Description, "description", WarningLimits.LongText, errors, required: false);
        var instruction = WarningValidation.Text(request.Instruction, "instruction", WarningLimits.LongText, errors, required: false);
        var units = WarningValidation.Units(request.ResponsibleUnits, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (NotActive(warning) is { } refused) return refused;

        var current = warning.Current();
        var (onset, expires) = (request.Onset?.UtcDateTime, request.Expires?.UtcDateTime);
        var next = VersionBuilder.Next(warning, VersionKind.Amend, services.Actor, request.Note, level, area, headline, description, instruction, onset, expires, units);
        WarningValidation.Times(next.Effective, next.Onset, next.Expires, services.Publisher.Now, errors);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        if (VersionBuilder.KindOf(current, next) is not { } kind)
        {
            return TypedResults.Problem("The update changes nothing: give a new level, area, text, onset, expiry or responsible units.",
                statusCode: StatusCodes.Status422UnprocessableEntity, title: "Nothing to update");
        }
        if (warning.OpenPendingUpdate() is { } pending && next.Level != current.Level)
        {
            return EscalationSignOff.AwaitingSignOff(warning, pending);
        }
        if (kind == VersionKind.Escalate && services.Publisher.NeedsSignOff(WarningTypeCatalogue.Find(warning.Type)!, next.Level))
        {
            // Held like a warning issued at this level: published only once a second person signs it off.
            services.Publisher.Propose(warning, PendingUpdate.Hold(warning, next, services.Publisher.Now, area, headline, description, instruction, onset, expires, units, services.Subject));
            return await TrySaveAsync(services, cancellationToken) is { } held ? held : TypedResults.Accepted($"/api/warnings/{warning.Id}", WarningResponse.From(warning));
        }
        services.Publisher.Publish(warning, next.WithKind(kind));
        return await TrySaveAsync(services, cancellationToken) is { } changed ? changed : TypedResults.Ok(WarningResponse.From(warning));
    }

    public static Task<Results<Ok<WarningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> LiftWarning(
        Guid id, EndWarningRequest? request, [AsParameters] WarningServices services, CancellationToken cancellationToken) =>
        EndAsync(id, VersionKind.Lift, request, services, cancellationToken);

    public static Task<Results<Ok<WarningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CancelWarning(
        Guid id, EndWarningRequest? request, [AsParameters] WarningServices services, CancellationToken cancellationToken) =>
        EndAsync(id, VersionKind.Cancel, request, services, cancellationToken);

    public static async Task<Results<Ok<WarningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SignOff(
        Guid id, SignOffRequest request, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        if (request.Approve is null) return Problems.Invalid("approve", "Say whether you approve (true) or reject (false) the draft or escalation.");
        var warning = await services.FindAsync(id, cancellationToken);
        if (warning is null) return TypedResults.NotFound();
        if (services.District.Refuses(warning) is { } notYours) return notYours;
        if (warning.State == WarningState.Active && warning.OpenPendingUpdate() is { } pending)
        {
            return await EscalationSignOff.SignOffAsync(warning, pending, request.Approve.Value, services, cancellationToken);
        }
        if (warning.State != WarningState.Draft)
        {
            return TypedResults.Problem($"The warning is {warning.State.ToString().ToLowerInvariant()}: neither a draft nor an escalation awaits sign-off.",
                statusCode: StatusCodes.Status409Conflict, title: "Nothing to sign off");
        }
        if (services.IsSamePerson(warning.CreatedBy, warning.CreatedBySubject))
        {
            return SecondPersonRequired($"{services.Actor} drafted this warning; a second person must sign it off (审核签发).");
        }
        var first = warning.Current();
        first.SignedOffBy = services.Actor;
        if (request.Approve.Value)
        {
            services.Publisher.Publish(warning, first);
        }
        else
        {
            warning.State = WarningState.Rejected;
            warning.Revision++;
        }
        return await SaveAsync(warning, services, cancellationToken);
    }

    private static async Task<Results<Ok<WarningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> EndAsync(
        Guid id, VersionKind kind, EndWarningRequest? request, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var reason = WarningValidation.Text(request?.Reason, "reason", WarningLimits.Note, errors, required: kind == VersionKind.Cancel);
        var description = WarningValidation.Text(request?.Description, "description", WarningLimits.LongText, errors, required: false);
        var instruction = WarningValidation.Text(request?.Instruction, "instruction", WarningLimits.LongText, errors, required: false);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var warning = await services.FindAsync(id, cancellationToken);
        if (warning is null) return TypedResults.NotFound();
        if (services.District.Refuses(warning) is { } notYours) return notYours;
        if (kind == VersionKind.Cancel && warning.State == WarningState.Draft)
        {
            // A draft was never published: discarding it tells nobody anything.
            warning.State = WarningState.Rejected;
            warning.Revision++;
            return await SaveAsync(warning, services, cancellationToken);
        }
        if (NotActive(warning) is { } refused) return refused;
        var type = WarningTypeCatalogue.Find(warning.Type)!;
        description ??= kind == VersionKind.Lift
            ? $"{type.NameZh}{warning.Level.ColourZh()}预警解除。"
            : $"此前发布的{type.NameZh}{warning.Level.ColourZh()}预警系误发，予以撤销。";
        var next = VersionBuilder.Next(warning, kind, services.Actor, reason, description: description, instruction: instruction ?? "");
        return await PublishAsync(warning, next, services, cancellationToken);
    }

    private static async Task<Results<Ok<WarningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> PublishAsync(
        Warning warning, WarningVersion next, WarningServices services, CancellationToken cancellationToken)
    {
        services.Publisher.Publish(warning, next);
        return await SaveAsync(warning, services, cancellationToken);
    }

    internal static async Task<Results<Ok<WarningResponse>, NotFound, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Warning warning, WarningServices services, CancellationToken cancellationToken) =>
        await TrySaveAsync(services, cancellationToken) is { } changed ? changed : TypedResults.Ok(WarningResponse.From(warning));

    /// <summary>Saves the unit of work; a 409 when another request changed the warning meanwhile.</summary>
    private static async Task<ProblemHttpResult?> TrySaveAsync(WarningServices services, CancellationToken cancellationToken)
    {
        try
        {
            await services.Publisher.SaveAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem("Someone else changed this warning at the same moment; reload it and try again.", statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile");
        }
    }

    internal static ProblemHttpResult SecondPersonRequired(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Second person required");

    private static ProblemHttpResult? NotActive(Warning warning) => warning.State switch
    {
        WarningState.Active => null,
        WarningState.Draft => TypedResults.Problem("The warning is a draft awaiting sign-off; sign it off or cancel it first.", statusCode: StatusCodes.Status409Conflict, title: "Draft"),
        _ => TypedResults.Problem($"The warning has ended ({warning.EndReason?.ToString().ToLowerInvariant() ?? warning.State.ToString().ToLowerInvariant()}); issue a new one.",
            statusCode: StatusCodes.Status409Conflict, title: "Warning ended"),
    };
}
