using EmergencyOps.ServiceDefaults;
using Microsoft.AspNetCore.Http.HttpResults;
using Webhooks.API.Extensions;
using Webhooks.API.Model;

namespace Webhooks.API.Apis;

public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/webhooks");
        api.MapServiceInfo(Extensions.Extensions.ServiceName, WebhooksPolicies.Subscribe).WithTags("Webhooks");
        api.MapGet("/event-types", ListEventTypes).WithName("ListWebhookEventTypes").WithTags("Event types")
            .WithSummary("The event types one may subscribe to: record name, CloudEvents type and the filters each can be matched on")
            .RequireAuthorization().WithMetadata(WebhooksPolicies.SubscriberOrAdmin);
        api.MapSubscriptionsApi();
        api.MapSubscriptionLifecycleApi();
        api.MapDeliveriesApi();
        return app;
    }

    public static Ok<IReadOnlyList<EventTypeResponse>> ListEventTypes() =>
        TypedResults.Ok<IReadOnlyList<EventTypeResponse>>([.. EventCatalogue.All.Select(EventTypeResponse.From)]);
}
