using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Webhooks.API.Extensions;
using Webhooks.API.Infrastructure;
using Webhooks.API.Model;

namespace Webhooks.API.Apis;

/// <summary>Subscribing, and reading subscriptions: an integrator its own, an administrator all.</summary>
public static class SubscriptionsApi
{
    public static RouteGroupBuilder MapSubscriptionsApi(this RouteGroupBuilder webhooks)
    {
        var api = webhooks.MapGroup("/subscriptions").WithTags("Subscriptions");
        api.MapPost("/", Subscribe).WithName("Subscribe").WithIdempotency<WebhooksContext>()
            .WithSummary("Subscribe an endpoint to event types, optionally filtered; the answer carries the signing secret, shown this once")
            .WithRequestExample(WebhookExamples.Subscribe).RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        api.MapGet("/", ListSubscriptions).WithName("ListSubscriptions")
            .WithSummary("Subscriptions, newest first, paged: an integrator's own, an administrator's all (or one owner's)")
            .RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        api.MapGet("/{id:guid}", GetSubscription).WithName("GetSubscription")
            .WithSummary("One subscription (without its secret)").RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        return webhooks;
    }

    public static async Task<Results<Created<SubscriptionCreatedResponse>, ValidationProblem, ProblemHttpResult>> Subscribe(
        SubscribeRequest request, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        if (services.Owner is not { } owner)
        {
            return WebhookServices.NoOwner();
        }
        var allowPrivate = request.AllowPrivateNetwork == true;
        if (allowPrivate && !services.IsAdmin)
        {
            return WebhookServices.Problem(StatusCodes.Status403Forbidden, "Administrators only",
                "allowPrivateNetwork may be set by holders of webhooks:admin only; integrators' endpoints must be on public addresses.",
                new() { ["field"] = "allowPrivateNetwork" });
        }
        var (valid, errors) = SubscriptionValidation.Validate(request);
        var (uri, urlProblem) = await services.Urls.CheckAsync(request.Url, allowPrivate, cancellationToken);
        if (urlProblem is not null)
        {
            errors["url"] = [urlProblem];
        }
        if (valid is null || uri is null)
        {
            return TypedResults.ValidationProblem(errors);
        }
        if (await services.Db.Subscriptions.CountAsync(s => s.Owner == owner, cancellationToken) >= services.Settings.MaxSubscriptionsPerOwner)
        {
            return WebhookServices.Problem(StatusCodes.Status409Conflict, "Too many subscriptions",
                $"A client holds at most {services.Settings.MaxSubscriptionsPerOwner} subscriptions; delete one, or name more event types in one.");
        }
        var now = services.Now;
        var subscription = new Subscription
        {
            Owner = owner, Url = uri.AbsoluteUri, Origin = $"{uri.Scheme}://{uri.IdnHost}:{uri.Port}".ToLowerInvariant(),
            Description = request.Description?.Trim(), EventTypes = [.. valid.EventTypes.Select(t => t.Name)], DistrictCodes = valid.DistrictCodes,
            WarningLevels = valid.WarningLevels, HazardLevels = valid.HazardLevels, StatusFilter = valid.Status, AllowPrivateNetwork = allowPrivate,
            State = SubscriptionState.Active, Secret = WebhookSecrets.Create(), CreatedAt = now, UpdatedAt = now,
        };
        services.Db.Subscriptions.Add(subscription);
        if (!await services.TrySaveAsync(cancellationToken))
        {
            return WebhookServices.Concurrent(subscription.Id);
        }
        return TypedResults.Created($"/api/webhooks/subscriptions/{subscription.Id}",
            new SubscriptionCreatedResponse(subscription.Id, subscription.Secret, SubscriptionResponse.From(subscription, now)));
    }

    public static async Task<Results<Ok<PaginatedItems<SubscriptionResponse>>, ValidationProblem, ProblemHttpResult>> ListSubscriptions(
        [AsParameters] WebhookServices services, CancellationToken cancellationToken,
        [OneOf(typeof(SubscriptionState)), Text(WebhookLimits.EnumNameLength)] string? state = null,
        [Text(WebhookLimits.OwnerLength)] string? owner = null, [PageIndex] int pageIndex = 0, [PageSize] int pageSize = 20)
    {
        if (services.Owner is not { } caller)
        {
            return WebhookServices.NoOwner();
        }
        SubscriptionState? only = EnumNames.TryParse<SubscriptionState>(state, out var s) ? s : null;
        if (state is not null && only is null)
        {
            return Problems.Invalid("state", $"State is one of: {EnumNames.List<SubscriptionState>()}.");
        }
        // An integrator lists its own whatever it asks; an administrator every owner's, or the one it names.
        var forOwner = services.IsAdmin ? owner : caller;
        var query = services.Db.Subscriptions.AsNoTracking();
        query = forOwner is null ? query : query.Where(x => x.Owner == forOwner);
        query = only is null ? query : query.Where(x => x.State == only);
        var count = await query.LongCountAsync(cancellationToken);
        var page = await query.OrderByDescending(x => x.CreatedAt).ThenBy(x => x.Id).Skip(pageIndex * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var now = services.Now;
        return TypedResults.Ok(new PaginatedItems<SubscriptionResponse>(pageIndex, pageSize, count, [.. page.Select(x => SubscriptionResponse.From(x, now))]));
    }

    public static async Task<Results<Ok<SubscriptionResponse>, NotFound, ProblemHttpResult>> GetSubscription(
        Guid id, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var (subscription, refused) = await services.FindAsync(id, track: false, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        return subscription is null ? TypedResults.NotFound() : TypedResults.Ok(SubscriptionResponse.From(subscription, services.Now));
    }
}
