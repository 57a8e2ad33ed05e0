using System.Text.Json;
using EmergencyOps.ServiceDefaults;
using Hazards.API.Extensions;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>What the hidden-danger handlers share: loading with the caller's binding, the refusals, and recording a step.</summary>
public static class HiddenDangerRules
{
    public const string WrongStateTitle = "Wrong hidden-danger state";

    public static string Name(HiddenDangerState state) => JsonNamingPolicy.CamelCase.ConvertName(state.ToString());

    /// <summary>409 naming the rule: the state it is in and the states the step needs.</summary>
    public static ProblemHttpResult WrongState(HiddenDanger d, string step, params HiddenDangerState[] allowed) =>
        HazardServices.Problem(StatusCodes.Status409Conflict, WrongStateTitle,
            $"The hidden danger is {Name(d.State)}: {step} is allowed only when it is {string.Join(" or ", allowed.Select(Name))}.",
            new() { ["rule"] = "state", ["state"] = Name(d.State), ["allowed"] = allowed.Select(Name).ToArray() });

    public static ProblemHttpResult NotARegulator(Guid dangerId, string detail) =>
        HazardServices.Problem(StatusCodes.Status403Forbidden, "Not a regulator", detail, new() { ["dangerId"] = dangerId });

    public static ProblemHttpResult Concurrent(Guid dangerId) =>
        HazardServices.Problem(StatusCodes.Status409Conflict, "Concurrent change",
            $"Hidden danger {dangerId} changed at the same moment; read it again and retry if the step still applies.", new() { ["dangerId"] = dangerId });

    /// <summary>A regulator: a caller acting for no enterprise and holding <c>hazards:supervise</c>.</summary>
    public static async Task<bool> IsRegulatorAsync(this HazardServices services, CancellationToken cancellationToken) =>
        !(await services.BindingAsync(cancellationToken)).Bound && services.User.HasScope(HazardsPolicies.Supervise);

    /// <summary>The danger (tracked) with its enterprise; a 403 "Not your enterprise"; or neither when there is no such danger.</summary>
    public static async Task<(HiddenDanger? Danger, Enterprise? Enterprise, ProblemHttpResult? Refused)> LoadAsync(
        this HazardServices services, Guid dangerId, CancellationToken cancellationToken, bool tracked = true)
    {
        var query = tracked ? services.Db.HiddenDangers : services.Db.HiddenDangers.AsNoTracking();
        var danger = await query.SingleOrDefaultAsync(d => d.Id == dangerId, cancellationToken);
        if (danger is null)
        {
            return (null, null, null);
        }
        if (!await services.MayActForAsync(danger.EnterpriseId, cancellationToken))
        {
            return (null, null, HazardServices.NotYours(danger.EnterpriseId));
        }
        var enterprise = await services.Db.Enterprises.AsNoTracking().SingleAsync(e => e.Id == danger.EnterpriseId, cancellationToken);
        return (danger, enterprise, null);
    }

    /// <summary>Keeps the step as the next row of the danger's history; the raised revision guards against a racing step.</summary>
    public static void Step(this HazardServices services, HiddenDanger d, HiddenDangerAction action, string? note = null)
    {
        d.Revision++;
        d.UpdatedAt = services.Events.Now;
        services.Db.HiddenDangerSteps.Add(new HiddenDangerStep { DangerId = d.Id, Sequence = d.Revision, Action = action, Actor = services.Actor, At = d.UpdatedAt, Note = note });
    }

    public static async Task<HiddenDangerResponse> AnswerAsync(this HazardServices services, HiddenDanger d, CancellationToken cancellationToken)
    {
        var steps = await services.Db.HiddenDangerSteps.AsNoTracking().Where(s => s.DangerId == d.Id).ToListAsync(cancellationToken);
        var criteria = await services.Db.MajorDangerCriteria.AsNoTracking().ToDictionaryAsync(c => c.Number, cancellationToken);
        return HiddenDangerResponse.From(d, steps, criteria);
    }

    public static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
