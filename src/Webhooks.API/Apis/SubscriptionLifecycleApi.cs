using EmergencyOps.Messaging.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Webhooks.API.Extensions;
using Webhooks.API.Infrastructure;
using Webhooks.API.Model;

namespace Webhooks.API.Apis;

/// <summary>Pausing, resuming, deleting a subscription and rotating its secret.</summary>
public static class SubscriptionLifecycleApi
{
    public static RouteGroupBuilder MapSubscriptionLifecycleApi(this RouteGroupBuilder webhooks)
    {
        var api = webhooks.MapGroup("/subscriptions/{id:guid}").WithTags("Subscriptions");
        api.MapPost("/pause", Pause).WithName("PauseSubscription").WithIdempotency<WebhooksContext>()
            .WithSummary("Pause deliveries: events are still recorded and go out on resume")
            .RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        api.MapPost("/resume", Resume).WithName("ResumeSubscription").WithIdempotency<WebhooksContext>()
            .WithSummary("Resume a paused subscription, or one disabled by a 410 Gone: waiting deliveries go out")
            .RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        api.MapPost("/secret/rotate", RotateSecret).WithName("RotateSubscriptionSecret").WithIdempotency<WebhooksContext>()
            .WithSummary("A new signing secret (shown this once); the previous one keeps signing beside it for the overlap period")
            .RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        api.MapDelete("/", Delete).WithName("DeleteSubscription")
            .WithSummary("Delete a subscription and its deliveries").RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        return webhooks;
    }

    public static Task<Results<Ok<SubscriptionResponse>, NotFound, ProblemHttpResult>> Pause(
        Guid id, [AsParameters] WebhookServices services, CancellationToken cancellationToken) =>
        ChangeAsync(id, services, s => s.State == SubscriptionState.Disabled
            ? WebhookServices.Problem(StatusCodes.Status409Conflict, "Subscription disabled",
                $"Subscription {id} is disabled ({s.DisabledReason}); resume it once the receiver is back.")
            : To(s, SubscriptionState.Paused), cancellationToken);

    public static Task<Results<Ok<SubscriptionResponse>, NotFound, ProblemHttpResult>> Resume(
        Guid id, [AsParameters] WebhookServices services, CancellationToken cancellationToken) =>
        ChangeAsync(id, services, s => To(s, SubscriptionState.Active), cancellationToken, wake: true);

    public static async Task<Results<Ok<RotatedSecretResponse>, NotFound, ProblemHttpResult>> RotateSecret(
        Guid id, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var (subscription, refused) = await services.FindAsync(id, track: true, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        var now = services.Now;
        var overlap = services.Settings.SecretOverlap;
        // Two secrets at most: a rotation during an overlap drops the oldest.
        (subscription.PreviousSecret, subscription.PreviousSecretExpiresAt) = overlap > TimeSpan.Zero
            ? (subscription.Secret, now + overlap) : ((string?)null, (DateTime?)null);
        subscription.Secret = WebhookSecrets.Create();
        subscription.UpdatedAt = now;
        subscription.Version++;
        return await services.TrySaveAsync(cancellationToken)
            ? TypedResults.Ok(new RotatedSecretResponse(id, subscription.Secret, subscription.PreviousSecretExpiresAt))
            : WebhookServices.Concurrent(id);
    }

    public static async Task<Results<NoContent, NotFound, ProblemHttpResult>> Delete(
        Guid id, [AsParameters] WebhookServices services, CancellationToken cancellationToken)
    {
        var (subscription, refused) = await services.FindAsync(id, track: false, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        // Explicitly, children first: no reliance on the database's cascade (SQLite enforces it only when told to).
        await using var transaction = await services.Db.Database.BeginTransactionAsync(cancellationToken);
        await services.Db.Attempts.Where(a => services.Db.Deliveries.Any(d => d.Id == a.DeliveryId && d.SubscriptionId == id)).ExecuteDeleteAsync(cancellationToken);
        await services.Db.Deliveries.Where(d => d.SubscriptionId == id).ExecuteDeleteAsync(cancellationToken);
        await services.Db.Subscriptions.Where(s => s.Id == id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    // Never refuses: a state change the handler allowed. Resuming forgets why the subscription was disabled.
    private static ProblemHttpResult? To(Subscription subscription, SubscriptionState state)
    {
        subscription.State = state;
        if (state == SubscriptionState.Active)
        {
            (subscription.DisabledReason, subscription.DisabledAt) = (null, null);
        }
        return null;
    }

    private static async Task<Results<Ok<SubscriptionResponse>, NotFound, ProblemHttpResult>> ChangeAsync(
        Guid id, WebhookServices services, Func<Subscription, ProblemHttpResult?> change, CancellationToken cancellationToken, bool wake = false)
    {
        var (subscription, refused) = await services.FindAsync(id, track: true, cancellationToken);
        if (refused is not null)
        {
            return refused;
        }
        if (subscription is null)
        {
            return TypedResults.NotFound();
        }
        if (change(subscription) is ProblemHttpResult problem)
        {
            return problem;
        }
        subscription.UpdatedAt = services.Now;
        subscription.Version++;
        if (!await services.TrySaveAsync(cancellationToken, wake))
        {
            return WebhookServices.Concurrent(id);
        }
        return TypedResults.Ok(SubscriptionResponse.From(subscription, services.Now));
    }
}
