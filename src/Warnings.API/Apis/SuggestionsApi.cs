using EmergencyOps.Geography;
using EmergencyOps.Messaging.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Extensions;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>Suggestions from monitoring and the hazard registry: the operations centre accepts or dismisses each.</summary>
public static class SuggestionsApi
{
    public static RouteGroupBuilder MapSuggestionsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/suggestions", ListSuggestions).WithName("ListSuggestions")
            .WithSummary("Suggested issues, downgrades and lifts; open ones by default").RequireAuthorization(WarningsPolicies.Read);
        api.MapPost("/suggestions/{id:guid}/accept", Accept).WithName("AcceptSuggestion").WithIdempotency<WarningsContext>()
            .WithSummary("Do what a suggestion proposes: issue or escalate (held for sign-off when the level needs it), downgrade or lift").RequireAuthorization(WarningsPolicies.Issue);
        api.MapPost("/suggestions/{id:guid}/dismiss", Dismiss).WithName("DismissSuggestion")
            .WithSummary("Close a suggestion without acting on it").RequireAuthorization(WarningsPolicies.Issue);
        api.MapGet("/hazard-sites", ListHazardSites).WithName("ListHazardSites")
            .WithSummary("Major hazard sources as the hazard registry last reported them (where anomalies raise chemical-release warnings)").RequireAuthorization(WarningsPolicies.Read);
        return api;
    }

    public static async Task<Ok<IReadOnlyList<HazardSiteResponse>>> ListHazardSites([AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        var query = services.Db.HazardSites.AsNoTracking();
        // A district operator sees the sources in its district only.
        if (services.District.Bound)
        {
            var districts = services.District.DistrictCodes.ToList();
            query = query.Where(s => districts.Contains(s.DistrictCode));
        }
        var sites = await query.OrderBy(s => s.Level).ThenBy(s => s.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<HazardSiteResponse>>([.. sites.Select(HazardSiteResponse.From)]);
    }

    public static async Task<Ok<IReadOnlyList<SuggestionResponse>>> ListSuggestions([AsParameters] WarningServices services, CancellationToken cancellationToken, bool all = false)
    {
        var query = services.Db.Suggestions.AsNoTracking();
        if (!all) query = query.Where(s => s.ClosedAt == null);
        if (services.District.Bound)
        {
            // A district operator sees what is suggested for its district only.
            var districts = services.District.DistrictCodes.ToList();
            query = query.Where(s => s.DistrictCodes.Any(d => districts.Contains(d)));
        }
        var list = await query.OrderByDescending(s => s.CreatedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SuggestionResponse>>([.. list.Select(SuggestionResponse.From)]);
    }

    public static async Task<Results<Ok<SuggestionResponse>, NotFound, ProblemHttpResult>> Accept(Guid id, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        var suggestion = await services.Db.Suggestions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null) return TypedResults.NotFound();
        if (suggestion.ClosedAt is not null) return Closed();
        var warning = suggestion.WarningId is { } wid ? await services.FindAsync(wid, cancellationToken) : null;
        var type = WarningTypeCatalogue.Find(suggestion.WarningType)!;
        if (warning is null)
        {
            if (suggestion.Kind != SuggestionKind.Issue) return Stale();
            warning = new Warning { Type = type.Code, Origin = WarningOrigin.Monitoring, CreatedBy = services.Actor, CreatedBySubject = services.Subject, CreatedAt = services.Publisher.Now };
            var level = suggestion.Level!.Value;
            var names = string.Join("、", suggestion.DistrictCodes.Select(c => Districts.Find(c)?.Name ?? c));
            services.Publisher.Create(warning, new WarningVersion
            {
                WarningId = warning.Id, Number = 1, Kind = VersionKind.Issue, Level = level, Headline = $"{names}{type.NameZh}{level.ColourZh()}预警",
                Description = suggestion.Reason, Effective = services.Publisher.Now, DistrictCodes = suggestion.DistrictCodes, Circle = suggestion.Circle,
                Author = services.Actor, Note = $"accepted suggestion {suggestion.Id}",
            }, draft: services.Publisher.NeedsSignOff(type, level));
        }
        else
        {
            if (!warning.IsActive) return Stale();
            var note = $"accepted suggestion {suggestion.Id}";
            var next = suggestion.Kind switch
            {
                SuggestionKind.Lift => VersionBuilder.Next(warning, VersionKind.Lift, services.Actor, note, description: suggestion.Reason, instruction: ""),
                _ when suggestion.Level == warning.Level => null,
                _ => VersionBuilder.Next(warning, suggestion.Level!.Value.IsMoreSevereThan(warning.Level) ? VersionKind.Escalate : VersionKind.Downgrade,
                    services.Actor, note, level: suggestion.Level, description: suggestion.Reason),
            };
            if (next is null) return Stale();
            if (warning.OpenPendingUpdate() is { } pending && next.Level != warning.Level)
            {
                return EscalationSignOff.AwaitingSignOff(warning, pending);
            }
            if (next.Kind == VersionKind.Escalate && services.Publisher.NeedsSignOff(type, next.Level))
            {
                // Accepted by one person, published once a second signs it off, as an update to this level would be.
                services.Publisher.Propose(warning, PendingUpdate.Hold(warning, next, services.Publisher.Now, description: suggestion.Reason, proposedBySubject: services.Subject));
            }
            else
            {
                services.Publisher.Publish(warning, next);
            }
        }
        (suggestion.ClosedAt, suggestion.ClosedBy, suggestion.Accepted) = (services.Publisher.Now, services.Actor, true);
        try
        {
            await services.Publisher.SaveAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale();
        }
        return TypedResults.Ok(SuggestionResponse.From(suggestion) with { WarningId = warning.Id });
    }

    public static async Task<Results<Ok<SuggestionResponse>, NotFound, ProblemHttpResult>> Dismiss(Guid id, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        var suggestion = await services.Db.Suggestions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (suggestion is null) return TypedResults.NotFound();
        if (suggestion.ClosedAt is not null) return Closed();
        (suggestion.ClosedAt, suggestion.ClosedBy) = (services.Publisher.Now, services.Actor);
        await services.Db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(SuggestionResponse.From(suggestion));
    }

    private static ProblemHttpResult Closed() =>
        TypedResults.Problem("The suggestion was already accepted or dismissed.", statusCode: StatusCodes.Status409Conflict, title: "Suggestion closed");

    private static ProblemHttpResult Stale() =>
        TypedResults.Problem("The warning has changed since the suggestion was made; dismiss it.", statusCode: StatusCodes.Status409Conflict, title: "Suggestion out of date");
}
