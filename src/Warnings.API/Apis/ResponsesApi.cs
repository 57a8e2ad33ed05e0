using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using EmergencyOps.Messaging.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Extensions;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>
/// The closed loop: responsible units acknowledge (签收) and report disposition (处置反馈), each for itself (its token names
/// the unit) or through the operations centre on its behalf, recorded as such.
/// </summary>
public static class ResponsesApi
{
    public static RouteGroupBuilder MapResponsesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/acknowledgements", Acknowledge).WithName("AcknowledgeWarning").WithRequestExample(WarningExamples.Acknowledge).WithIdempotency<WarningsContext>()
            .WithSummary("A responsible unit acknowledges (签收) the warning; acknowledging again changes nothing").RequireAuthorization(WarningsPolicies.Respond);
        api.MapPost("/{id:guid}/dispositions", ReportDisposition).WithName("ReportWarningDisposition").WithRequestExample(WarningExamples.Disposition).WithIdempotency<WarningsContext>()
            .WithSummary("A unit that acknowledged reports what it did (处置反馈)").RequireAuthorization(WarningsPolicies.Respond);
        api.MapGet("/{id:guid}/responses", GetResponses).WithName("GetWarningResponses")
            .WithSummary("Per responsible unit: acknowledged when, disposition, overdue").RequireAuthorization(WarningsPolicies.Read);
        return api;
    }

    public static async Task<Results<Ok<UnitResponseView>, NotFound, ValidationProblem, ProblemHttpResult>> Acknowledge(
        Guid id, AcknowledgeRequest request, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        if (request.Unit is null || TextRules.IsBlank(request.Unit)) return UnitRequired();
        var (response, problem) = await FindAsync(id, request.Unit.Trim(), services, cancellationToken);
        if (problem is not null) return problem;
        if (response is null) return TypedResults.NotFound();
        if (response.AcknowledgedAt is null)
        {
            response.AcknowledgedAt = services.Publisher.Now;
            response.AcknowledgedBy = services.Actor;
            response.AcknowledgedOnBehalf = services.Units.OnBehalf;
            await services.Db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Ok(View(response, services.Publisher.Now));
    }

    public static async Task<Results<Ok<UnitResponseView>, NotFound, ValidationProblem, ProblemHttpResult>> ReportDisposition(
        Guid id, DispositionRequest request, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Unit is null || TextRules.IsBlank(request.Unit)) errors["unit"] = ["The unit is required."];
        if (request.Status is null) errors["status"] = ["The status is inProgress or completed."];
        var report = WarningValidation.Text(request.Report, "report", WarningLimits.LongText, errors, required: true);
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (response, problem) = await FindAsync(id, request.Unit!.Trim(), services, cancellationToken);
        if (problem is not null) return problem;
        if (response is null) return TypedResults.NotFound();
        if (response.AcknowledgedAt is null)
        {
            return TypedResults.Problem($"{response.Unit} has not acknowledged the warning: acknowledge (签收) before reporting disposition.",
                statusCode: StatusCodes.Status409Conflict, title: "Not acknowledged");
        }
        response.Dispositions.Add(new Disposition { Status = request.Status!.Value, Report = report!, ReportedBy = services.Actor, OnBehalf = services.Units.OnBehalf,
            ReportedAt = services.Publisher.Now });
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(response, services.Publisher.Now));
    }

    public static async Task<Results<Ok<ResponsesView>, NotFound, ProblemHttpResult>> GetResponses(Guid id, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        var warning = await services.Db.Warnings.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (warning is null) return TypedResults.NotFound();
        if (services.District.Refuses(warning) is { } notYours) return notYours;
        var rows = await services.Db.Responses.AsNoTracking().Include(r => r.Dispositions).Where(r => r.WarningId == id)
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var now = services.Publisher.Now;
        var views = rows.Select(r => View(r, now)).ToList();
        return TypedResults.Ok(new ResponsesView(id, views.Count, views.Count(v => v.AcknowledgedAt is not null), views.Count(v => v.Overdue),
            views.Count(v => v.Disposition == "completed"), views));
    }

    /// <summary>Overdue: not acknowledged by the deadline (acknowledging late does not clear it: the escalation happened).</summary>
    public static UnitResponseView View(UnitResponse r, DateTime now)
    {
        var latest = r.Dispositions.OrderBy(d => d.Id).LastOrDefault();
        var overdue = r.OverdueAt is not null || (r.AcknowledgedAt is null && now > r.Deadline) || r.AcknowledgedAt > r.Deadline;
        return new(r.Unit, r.RequestedVersion, WarningPublisher.Local(r.Deadline), r.AcknowledgedAt is { } a ? WarningPublisher.Local(a) : null,
            r.AcknowledgedBy, r.AcknowledgedOnBehalf, overdue, r.OverdueAt is { } o ? WarningPublisher.Local(o) : null,
            latest is null ? null : latest.Status == DispositionStatus.Completed ? "completed" : "inProgress",
            latest?.Report, latest is null ? null : WarningPublisher.Local(latest.ReportedAt), latest?.ReportedBy, latest?.OnBehalf ?? false, r.Dispositions.Count);
    }

    private static ValidationProblem UnitRequired() =>
        Problems.Invalid("unit", "The unit is required.");

    private static async Task<(UnitResponse? Response, ProblemHttpResult? Problem)> FindAsync(
        Guid id, string unit, WarningServices services, CancellationToken cancellationToken)
    {
        var warning = await services.Db.Warnings.AsNoTracking().SingleOrDefaultAsync(w => w.Id == id, cancellationToken);
        if (warning is null) return (null, null);
        if (services.District.Refuses(warning) is { } notYours) return (null, notYours);
        if (services.Units.Refuses(unit) is { } notYourUnit) return (null, notYourUnit);
        if (warning.State is WarningState.Draft or WarningState.Rejected)
        {
            return (null, TypedResults.Problem("The warning has not been published.", statusCode: StatusCodes.Status409Conflict, title: "Not published"));
        }
        var response = await services.Db.Responses.Include(r => r.Dispositions).SingleOrDefaultAsync(r => r.WarningId == id && r.Unit == unit, cancellationToken);
        return response is null
            ? (null, TypedResults.Problem($"'{unit}' is not a responsible unit of this warning.", statusCode: StatusCodes.Status422UnprocessableEntity, title: "Not a responsible unit"))
            : (response, null);
    }
}
