using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using Hazards.API.Extensions;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hazards.API.Apis;

/// <summary>
/// The enterprise's risk list (风险管控清单) filed with the regulator (备案): each filing snapshots the risk points as
/// version N + 1 and is kept for good; a regulator accepts or returns it (<see cref="RiskReviewApi"/>).
/// </summary>
public static class RiskListsApi
{
    public static RouteGroupBuilder MapRiskListsApi(this RouteGroupBuilder hazards)
    {
        var api = hazards.MapGroup("/enterprises/{id:guid}/risk-lists").WithTags("Risk grading");
        api.MapPost("/", FileRiskList).WithName("FileRiskList").WithIdempotency<HazardsContext>()
            .WithSummary("File (备案) the enterprise's current risk points as the next version of its risk list").RequireAuthorization(HazardsPolicies.WriteOwn);
        api.MapGet("/", ListRiskLists).WithName("ListRiskLists")
            .WithSummary("Every filing of the enterprise's risk list, newest first, with counts per colour and the review, paged").RequireAuthorization(HazardsPolicies.Read);
        api.MapGet("/{version:int}", GetRiskList).WithName("GetRiskList")
            .WithSummary("One filing with every risk point as it was filed, highest D first").RequireAuthorization(HazardsPolicies.Read);
        api.MapRiskReviewApi();
        return hazards;
    }

    public static async Task<Results<Created<RiskListResponse>, NotFound, ProblemHttpResult>> FileRiskList(
        Guid id, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var enterprise = await services.Db.Enterprises.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (enterprise is null)
        {
            return TypedResults.NotFound();
        }
        var points = (await services.Db.RiskPoints.AsNoTracking().Where(p => p.EnterpriseId == id).ToListAsync(cancellationToken))
            .OrderByDescending(p => p.D).ThenBy(p => p.Name, StringComparer.Ordinal).ToList();
        if (points.Count == 0)
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Nothing to file",
                $"{enterprise.Name} has no risk points: add them (POST /api/hazards/enterprises/{id}/risk-points), then file the list.");
        }
        var version = (await services.Db.RiskLists.Where(l => l.EnterpriseId == id).MaxAsync(l => (int?)l.Version, cancellationToken) ?? 0) + 1;
        int Count(RiskColour colour) => points.Count(p => p.Colour == colour);
        var list = new RiskList
        {
            EnterpriseId = id, Version = version, FiledAt = services.Events.Now, FiledBy = services.Actor, Status = RiskListStatus.Filed,
            Red = Count(RiskColour.Red), Orange = Count(RiskColour.Orange),
            Yellow = Count(RiskColour.Yellow), Blue = Count(RiskColour.Blue),
            Highest = points.Max(p => p.Colour),
        };
        var items = points.Select((p, i) => RiskListItem.Snapshot(p, version, i + 1)).ToList();
        services.Db.RiskLists.Add(list);
        services.Db.RiskListItems.AddRange(items);
        services.Events.RiskListFiled(list, enterprise);
        if (!await services.TrySaveAsync(cancellationToken))
        {
            return HazardServices.Problem(StatusCodes.Status409Conflict, "Concurrent filing", $"Version {version} was filed at the same moment; read the filings and file again.");
        }
        return TypedResults.Created($"/api/hazards/enterprises/{id}/risk-lists/{version}", Response(list, items));
    }

    public static async Task<Results<Ok<PaginatedItems<RiskListSummary>>, NotFound, ProblemHttpResult>> ListRiskLists(
        Guid id, [AsParameters] HazardServices services, CancellationToken cancellationToken, [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 20)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        if (!await services.Db.Enterprises.AnyAsync(e => e.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var query = services.Db.RiskLists.AsNoTracking().Where(l => l.EnterpriseId == id);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(l => l.Version).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<RiskListSummary>(pageIndex, pageSize, count, [.. page.Select(RiskListSummary.From)]));
    }

    public static async Task<Results<Ok<RiskListResponse>, NotFound, ProblemHttpResult>> GetRiskList(
        Guid id, int version, [AsParameters] HazardServices services, CancellationToken cancellationToken)
    {
        if (!await services.MayActForAsync(id, cancellationToken))
        {
            return HazardServices.NotYours(id);
        }
        var list = await services.Db.RiskLists.AsNoTracking().SingleOrDefaultAsync(l => l.EnterpriseId == id && l.Version == version, cancellationToken);
        if (list is null)
        {
            return TypedResults.NotFound();
        }
        var items = await services.Db.RiskListItems.AsNoTracking().Where(i => i.EnterpriseId == id && i.Version == version)
            .OrderBy(i => i.Position).ToListAsync(cancellationToken);
        return TypedResults.Ok(Response(list, items));
    }

    private static RiskListResponse Response(RiskList list, IEnumerable<RiskListItem> items) =>
        new(RiskListSummary.From(list), [.. items.Select(RiskListItemResponse.From)]);
}
