using System.Security.Claims;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Webhooks.API.Extensions;
using Webhooks.API.Infrastructure;
using Webhooks.API.Model;

namespace Webhooks.API.Apis;

/// <summary>What the webhook handlers share, bound with <c>[AsParameters]</c>.</summary>
// Services, not input: the request validation must not walk into the DbContext.
#pragma warning disable ASP0029
[Microsoft.Extensions.Validation.SkipValidation]
#pragma warning restore ASP0029
public sealed class WebhookServices(
    WebhooksContext db, ClaimsPrincipal user, TimeProvider time, IOptions<WebhooksOptions> options, UrlCheck urls, DeliverySignal signal)
{
    public WebhooksContext Db { get; } = db;

    public ClaimsPrincipal User { get; } = user;

    public TimeProvider Time { get; } = time;

    public IOptions<WebhooksOptions> Options { get; } = options;

    public WebhooksOptions Settings => Options.Value;

    public UrlCheck Urls { get; } = urls;

    public DeliverySignal Signal { get; } = signal;

    public DateTime Now => Time.GetUtcNow().UtcDateTime;

    /// <summary>Administrators see and manage every subscription; integrators their own.</summary>
    public bool IsAdmin => User.HasScope(WebhooksPolicies.Admin);

    /// <summary>Who owns what the caller subscribes: its client (machine tokens), else its subject.</summary>
    public string? Owner =>
        User.FindFirst(IdentityClaims.ClientId)?.Value is { Length: > 0 and <= WebhookLimits.OwnerLength } client ? client : User.ActorSubject();

    /// <summary>The subscription when the caller may see it; a refusal when it is another owner's; neither when there is none.</summary>
    public async Task<(Subscription? Found, ProblemHttpResult? Refused)> FindAsync(Guid id, bool track, CancellationToken cancellationToken)
    {
        var subscriptions = track ? Db.Subscriptions : Db.Subscriptions.AsNoTracking();
        var subscription = await subscriptions.SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
        return subscription is null ? (null, null)
            : IsAdmin || subscription.Owner == Owner ? (subscription, null)
            : (null, NotYours(id));
    }

    // One title for every refusal by owner, as the other services word theirs ("Not your enterprise").
    public const string NotYoursTitle = "Not your subscription";

    public static ProblemHttpResult NotYours(Guid id) =>
        Problem(StatusCodes.Status403Forbidden, NotYoursTitle,
            $"Subscription {id} belongs to another client: an integrator sees and manages only its own subscriptions.", new() { ["subscriptionId"] = id });

    public static ProblemHttpResult NoOwner() =>
        Problem(StatusCodes.Status403Forbidden, "No client identity", "The token names no client (client_id) or subject (sub) to own subscriptions.");

    /// <summary>
    /// Saves the unit of work, or undoes it and returns false when the database refuses it (a version token lost a race).
    /// With <paramref name="wake"/>, the dispatchers are woken once the outermost transaction (an idempotent request's) commits.
    /// </summary>
    public async Task<bool> TrySaveAsync(CancellationToken cancellationToken, bool wake = false)
    {
        try
        {
            await WakingAsync(() => Db.SaveChangesAsync(cancellationToken), wake, cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
    }

    /// <summary>Runs <paramref name="work"/> in the request's transaction; with <paramref name="wake"/>, wakes the dispatchers after it commits.</summary>
    public async Task<T> WakingAsync<T>(Func<Task<T>> work, bool wake, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var transaction = await Db.BeginOrJoinTransactionAsync(cancellationToken);
        var result = await work();
        if (wake)
        {
            // Not before: a dispatcher woken earlier would not yet see what this request stored.
            transaction.OnCommitted(() =>
            {
                Signal.NotifyAll();
                return Task.CompletedTask;
            });
        }
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public static ProblemHttpResult Problem(int status, string title, string detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: extensions);

    public static ProblemHttpResult Concurrent(Guid id) =>
        Problem(StatusCodes.Status409Conflict, "Concurrent change", $"Subscription {id} was changed at the same moment; read it and try again.");
}
