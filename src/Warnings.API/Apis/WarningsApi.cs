using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Extensions;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Apis;

public static class WarningsApi
{
    public static IEndpointRouteBuilder MapWarningsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/warnings").WithTags("Warnings");
        api.MapPost("/", IssueWarning).WithName("IssueWarning").WithRequestExample(WarningExamples.Issue).WithIdempotency<WarningsContext>()
            .WithSummary("Issue a warning; a level or type that needs sign-off is kept as a draft until a second person signs it off").RequireAuthorization(WarningsPolicies.Issue);
        api.MapGet("/{id:guid}", GetWarning).WithName("GetWarning")
            .WithSummary("A warning: its current version and its history").RequireAuthorization(WarningsPolicies.Read);
        api.MapGet("/", ListWarnings).WithName("ListWarnings")
            .WithSummary("Warnings by state (active by default), district, level and type, newest first").RequireAuthorization(WarningsPolicies.Read);
        api.MapGet("/types", ListTypes).WithName("ListWarningTypes")
            .WithSummary("The warning type catalogue: names, CAP category, allowed levels").RequireAuthorization(WarningsPolicies.Read);
        api.MapLifeCycleApi();
        api.MapResponsesApi();
        api.MapFeedApi();
        api.MapCapApi();
        api.MapPublicWarningsApi();
        api.MapMonitoringApi();
        return app;
    }

    public static async Task<Results<Created<WarningResponse>, ValidationProblem>> IssueWarning(
        IssueWarningRequest request, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var type = WarningTypeCatalogue.Find(request.Type);
        if (type is null) errors["type"] = [$"'{request.Type}' is not a warning type (see /api/warnings/types)."];
        var level = WarningValidation.Level(request.Level, type, errors, required: true);
        var area = WarningValidation.Area(request.Area, errors);
        var headline = WarningValidation.Text(request.Headline, "headline", WarningLimits.Headline, errors, required: true);
        var description = WarningValidation.Text(request.Description, "description", WarningLimits.LongText, errors, required: true);
        var instruction = WarningValidation.Text(request.Instruction, "instruction", WarningLimits.LongText, errors, required: false);
        var units = WarningValidation.Units(request.ResponsibleUnits, errors) ?? [];
        var exercise = false;
        if (request.Status is { } status && !status.Equals("Actual", StringComparison.OrdinalIgnoreCase))
        {
            if (status.Equals("Exercise", StringComparison.OrdinalIgnoreCase)) exercise = true;
            else errors["status"] = ["The status is Actual (default) or Exercise."];
        }
        var now = services.Publisher.Now;
        var effective = request.Effective?.UtcDateTime ?? now;
        WarningValidation.Times(effective, request.Onset?.UtcDateTime, request.Expires?.UtcDateTime, now, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var warning = new Warning { Type = type!.Code, Exercise = exercise, Origin = WarningOrigin.Manual, CreatedBy = services.Actor, CreatedBySubject = services.Subject, CreatedAt = now };
        var first = new WarningVersion
        {
            WarningId = warning.Id, Number = 1, Kind = VersionKind.Issue, Level = level!.Value, Headline = headline!, Description = description!,
            Instruction = instruction, Effective = effective, Onset = request.Onset?.UtcDateTime, Expires = request.Expires?.UtcDateTime,
            DistrictCodes = [.. area!.DistrictCodes], Polygon = area.Polygon, Circle = area.Circle, ResponsibleUnits = units,
            Author = services.Actor, Note = request.Note,
        };
        services.Publisher.Create(warning, first, draft: services.Publisher.NeedsSignOff(type, level.Value));
        await services.Publisher.SaveAsync(cancellationToken);
        return TypedResults.Created($"/api/warnings/{warning.Id}", WarningResponse.From(warning));
    }

    public static async Task<Results<Ok<WarningResponse>, NotFound, ProblemHttpResult>> GetWarning(
        Guid id, [AsParameters] WarningServices services, CancellationToken cancellationToken)
    {
        var warning = await services.FindAsync(id, cancellationToken);
        if (warning is null) return TypedResults.NotFound();
        return services.District.Refuses(warning) is { } notYours ? notYours : TypedResults.Ok(WarningResponse.From(warning));
    }

    public static async Task<Results<Ok<PaginatedItems<WarningSummary>>, ValidationProblem, ProblemHttpResult>> ListWarnings(
        [AsParameters] WarningServices services, [Text(WarningLimits.EnumName)] string? state, [Text(WarningLimits.DistrictFilter)] string? district,
        [Text(WarningLimits.LevelFilter)] string? level, [Text(WarningLimits.TypeFilter)] string? type, [Text(WarningLimits.EnumName)] string? status,
        CancellationToken cancellationToken, [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 20)
    {
        var errors = FeedFilter.TryParse(district, level, type, status, out var filter);
        WarningState? wanted = WarningState.Active;
        if (state is not null)
        {
            if (state.Equals("all", StringComparison.OrdinalIgnoreCase)) wanted = null;
            else if (EnumNames.TryParse<WarningState>(state, out var s)) wanted = s;
            else errors["state"] = ["Use active (default), draft, ended, rejected or all."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        // A district operator's list holds its district's warnings only, whatever districts it asked for.
        if (services.District.Narrow(filter.Districts) is not { } districts)
        {
            return services.District.OtherDistricts(filter.Districts);
        }
        filter = filter with { Districts = districts };
        var query = services.Db.Warnings.AsNoTracking().Where(w => w.Exercise == filter.Exercise);
        if (wanted is { } st) query = query.Where(w => w.State == st);
        if (filter.Types.Count > 0) query = query.Where(w => filter.Types.Contains(w.Type));
        if (filter.Levels.Count > 0) query = query.Where(w => filter.Levels.Contains(w.Level));
        if (filter.Districts.Count > 0) query = query.Where(w => w.DistrictCodes.Any(d => filter.Districts.Contains(d)));
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id)
            .Skip(pageIndex * pageSize).Take(pageSize).Include(w => w.PendingUpdates.Where(p => p.Outcome == null))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<WarningSummary>(pageIndex, pageSize, count, [.. page.Select(Summary)]));
    }

    public static Ok<IReadOnlyList<WarningTypeDefinition>> ListTypes() => TypedResults.Ok(WarningTypeCatalogue.All);

    public static WarningSummary Summary(Warning w) => new(
        w.Id, w.Type, WarningTypeCatalogue.Find(w.Type)?.NameZh ?? w.Type, w.Exercise ? "Exercise" : "Actual", w.State.ToString().ToLowerInvariant(),
        w.Level, w.Headline, w.DistrictCodes, w.CurrentVersion, w.PublishedAt is { } p ? WarningPublisher.Local(p) : null,
        w.Expires is { } x ? WarningPublisher.Local(x) : null, w.EndReason?.ToString().ToLowerInvariant(), w.OpenPendingUpdate()?.Level);
}
