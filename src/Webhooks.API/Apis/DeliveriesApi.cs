using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Webhooks.API.Extensions;
using Webhooks.API.Infrastructure;
using Webhooks.API.Model;

namespace Webhooks.API.Apis;

/// <summary>A subscription's deliveries with their attempts, and replays (the same <c>webhook-id</c> and body, a fresh schedule).</summary>
public static class DeliveriesApi
{
    public static RouteGroupBuilder MapDeliveriesApi(this RouteGroupBuilder webhooks)
    {
        var api = webhooks.MapGroup("/").WithTags("Deliveries");
        api.MapGet("/subscriptions/{id:guid}/deliveries", ListDeliveries).WithName("ListDeliveries")
            .WithSummary("A subscription's deliveries, newest first, optionally of one status (failed ones to replay), with their attempts")
            .RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        api.MapPost("/subscriptions/{id:guid}/replay", ReplaySince).WithName("ReplaySubscription").WithIdempotency<WebhooksContext>()
            .WithSummary("Send again every delivery recorded since a time, failed or not (a paused or disabled subscription sends on resume)")
            .WithRequestExample(WebhookExamples.ReplaySince).RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        api.MapPost("/deliveries/{deliveryId:guid}/replay", ReplayDelivery).WithName("ReplayDelivery").WithIdempotency<WebhooksContext>()
            .WithSummary("Send one delivery again, with its webhook-id and body, on a fresh retry schedule")
            .RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        return webhooks;
    }

    public static async Task<Results<Ok<PaginatedItems<DeliveryResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> ListDeliveries(
        Guid id, [AsParameters] WebhookServices services, CancellationToken cancellationToken,
        [OneOf(typeof(DeliveryStatus)), Text(WebhookLimits.EnumNameLength)] string? status = null, [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 20)
    {
        DeliveryStatus? only = EnumNames.TryParse<DeliveryStatus>(status, out var s) ? s : null;
        if (status is not null && only is null)
        {
            return Problems.Invalid("status", $"Status is one of: {EnumNames.List<DeliveryStatus>()}.");
        }
        var (subscription, refused) = await services.FindAsync(id, track: false, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        var query = services.Db.Deliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        query = only is null ? query : query.Where(d => d.Status == only);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(d => d.CreatedAt).ThenBy(d => d.Id).Skip(pageIndex * pageSize).Take(pageSize)
            .Include(d => d.AttemptLog).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(new PaginatedItems<DeliveryResponse>(pageIndex, pageSize, count, [.. page.Select(d => DeliveryResponse.From(d, d.AttemptLog))]));
    }

    public static async Task<Results<Accepted<DeliveryResponse>, NotFound, ProblemHttpResult>> ReplayDelivery(
        Guid deliveryId, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var delivery = await services.Db.Deliveries.Include(d => d.AttemptLog).SingleOrDefaultAsync(d => d.Id == deliveryId, cancellationToken);
        if (delivery is null)
        {
            return TypedResults.NotFound();
        }
        var (_, refused) = await services.FindAsync(delivery.SubscriptionId, track: false, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        // Giving up the lease too: an attempt in flight now finishes unrecorded on the delivery, and this replay sends again.
        var now = services.Now;
        (delivery.Status, delivery.Attempts, delivery.NextAttemptAt, delivery.CompletedAt, delivery.LeaseToken, delivery.LeaseUntil) =
            (DeliveryStatus.Pending, 0, now, null, null, null);
        await services.WakingAsync(() => services.Db.SaveChangesAsync(cancellationToken), wake: true, cancellationToken);
        return TypedResults.Accepted($"/api/webhooks/subscriptions/{delivery.SubscriptionId}/deliveries", DeliveryResponse.From(delivery, delivery.AttemptLog));
    }

    public static async Task<Results<Accepted<ReplayResponse>, NotFound, ValidationProblem, ProblemHttpResult>> ReplaySince(
        Guid id, ReplaySinceRequest request, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        if (request.Since is not { } since)
        {
            return Problems.Invalid("since", "The time from which to replay is required (ISO 8601 with its offset, e.g. 2026-11-29T08:00:00+08:00).");
        }
        var (subscription, refused) = await services.FindAsync(id, track: false, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        var from = since.UtcDateTime;
        var now = services.Now;
        var replayed = await services.WakingAsync(() => services.Db.Deliveries.Where(d => d.SubscriptionId == id && d.CreatedAt >= from).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.Attempts, 0).SetProperty(d => d.NextAttemptAt, now)
            .SetProperty(d => d.CompletedAt, (DateTime?)null).SetProperty(d => d.LeaseToken, (Guid?)null).SetProperty(d => d.LeaseUntil, (DateTime?)null),
            cancellationToken), wake: true, cancellationToken);
        return TypedResults.Accepted($"/api/webhooks/subscriptions/{id}/deliveries", new ReplayResponse(id, since, replayed));
    }
}
