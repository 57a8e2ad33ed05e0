using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Warnings.API.Extensions;
using Warnings.API.Infrastructure;
using Warnings.API.Model;

namespace Warnings.API.Apis;

/// <summary>
/// The list of warnings in force for anyone without a token (residents, media, apps): real (Actual) active warnings only,
/// with public fields and a link to each CAP document. Exercises, drafts and ended warnings never appear here.
/// </summary>
public static class PublicWarningsApi
{
    public static RouteGroupBuilder MapPublicWarningsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/active", ListActive).WithName("ListActiveWarnings")
            .WithSummary("Real warnings in force now, no token needed: type, level, headline, districts, onset, expiry and the CAP link, newest first")
            .AllowAnonymous();
        return api;
    }

    public static async Task<Results<Ok<PaginatedItems<PublicWarning>>, ValidationProblem>> ListActive(
        WarningsContext db, IOptions<WarningsOptions> options, [Text(WarningLimits.DistrictFilter)] string? district,
        CancellationToken cancellationToken, [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 50)
    {
        var errors = FeedFilter.TryParse(district, null, null, null, out var filter);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        var query = db.Warnings.AsNoTracking().Where(w => w.State == WarningState.Active && !w.Exercise);
        if (filter.Districts.Count > 0) query = query.Where(w => w.DistrictCodes.Any(d => filter.Districts.Contains(d)));
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(w => w.PublishedAt).ThenByDescending(w => w.Id)
            .Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        // The current versions only: the public sees what is in force, not how it got there.
        var ids = page.Select(w => w.Id).ToList();
        var versions = await db.Versions.AsNoTracking().Where(v => ids.Contains(v.WarningId)).ToListAsync(cancellationToken);
        var current = versions.ToLookup(v => v.WarningId);
        return TypedResults.Ok(new PaginatedItems<PublicWarning>(pageIndex, pageSize, count,
            [.. page.Select(w => PublicWarning.From(w, current[w.Id].Single(v => v.Number == w.CurrentVersion), options.Value))]));
    }
}
