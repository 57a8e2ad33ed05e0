using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Webhooks.API.Extensions;
using Webhooks.API.Model;

namespace Webhooks.API.Infrastructure;

/// <summary>
/// Writes what an attempt came to, and gives the lease back. Every change is conditional on the claim's token: a
/// delivery replayed or deleted meanwhile is not overwritten (the attempt is still logged while the delivery exists).
/// </summary>
public sealed partial class DeliveryOutcomes(IServiceScopeFactory scopes, IOptions<WebhooksOptions> options, TimeProvider time, ILogger<DeliveryOutcomes> logger)
{
    public async Task RecordAsync(ClaimedDelivery claimed, SendOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        ArgumentNullException.ThrowIfNull(outcome);
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var attempts = claimed.Attempts + 1;
        var next = outcome.Succeeded || outcome.Gone ? null
            : RetryPolicy.NextAttempt(settings.Schedule, attempts, outcome.RetryAfter, settings.Jitter, settings.MaxRetryAfter, now);
        var status = outcome.Succeeded ? DeliveryStatus.Succeeded : next is null ? DeliveryStatus.Failed : DeliveryStatus.Pending;
        DateTime? completed = status == DeliveryStatus.Pending ? null : now;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
        var updated = await db.Deliveries.Where(d => d.Id == claimed.Id && d.LeaseToken == claimed.LeaseToken).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, status).SetProperty(d => d.Attempts, attempts).SetProperty(d => d.NextAttemptAt, next ?? now)
            .SetProperty(d => d.CompletedAt, completed).SetProperty(d => d.LastStatusCode, outcome.StatusCode).SetProperty(d => d.LastError, outcome.Error)
            .SetProperty(d => d.LeaseToken, (Guid?)null).SetProperty(d => d.LeaseUntil, (DateTime?)null), CancellationToken.None);
        if (await db.Deliveries.AnyAsync(d => d.Id == claimed.Id, CancellationToken.None))
        {
            db.Attempts.Add(new DeliveryAttempt
            {
                DeliveryId = claimed.Id, At = now, StatusCode = outcome.StatusCode, Error = outcome.Error,
                DurationMs = (int)Math.Min(int.MaxValue, outcome.Duration.TotalMilliseconds),
            });
            await db.SaveChangesAsync(CancellationToken.None);
        }
        if (outcome.Gone && updated == 1)
        {
            var reason = $"The receiver answered 410 Gone at {now:yyyy-MM-ddTHH:mm:ssZ}: it asked not to be called again. Resume the subscription once it is back.";
            await db.Subscriptions.Where(s => s.Id == claimed.SubscriptionId && s.State != SubscriptionState.Disabled).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.State, SubscriptionState.Disabled).SetProperty(x => x.DisabledReason, reason).SetProperty(x => x.DisabledAt, now)
                .SetProperty(x => x.UpdatedAt, now).SetProperty(x => x.Version, x => x.Version + 1), CancellationToken.None);
            LogDisabled(logger, claimed.SubscriptionId, claimed.Origin);
        }
        await transaction.CommitAsync(CancellationToken.None);
        if (status == DeliveryStatus.Failed)
        {
            LogFailed(logger, claimed.WebhookId, claimed.EventType, claimed.SubscriptionId, attempts, outcome.StatusCode, outcome.Error);
        }
        else
        {
            LogAttempt(logger, claimed.WebhookId, claimed.EventType, claimed.Origin, outcome.StatusCode, outcome.Error, status);
        }
    }

    /// <summary>Gives the delivery back without spending an attempt, due again after <paramref name="delay"/> (an open circuit, a shutdown).</summary>
    public async Task PostponeAsync(ClaimedDelivery claimed, TimeSpan delay)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var next = time.GetUtcNow().UtcDateTime + delay;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WebhooksContext>();
        await db.Deliveries.Where(d => d.Id == claimed.Id && d.LeaseToken == claimed.LeaseToken).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.NextAttemptAt, next).SetProperty(d => d.LeaseToken, (Guid?)null).SetProperty(d => d.LeaseUntil, (DateTime?)null),
            CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {WebhookId} ({EventType}) to {Origin}: status {StatusCode}, error {Error}; now {Status}")]
    private static partial void LogAttempt(ILogger logger, string webhookId, string eventType, string origin, int? statusCode, DeliveryError error, DeliveryStatus status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivery {WebhookId} ({EventType}) of subscription {SubscriptionId} failed after {Attempts} attempts (last: {StatusCode}, {Error})")]
    private static partial void LogFailed(ILogger logger, string webhookId, string eventType, Guid subscriptionId, int attempts, int? statusCode, DeliveryError error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscription {SubscriptionId} disabled: {Origin} answered 410 Gone")]
    private static partial void LogDisabled(ILogger logger, Guid subscriptionId, string origin);
}
