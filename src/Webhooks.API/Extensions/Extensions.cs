using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Redis;
using EmergencyOps.ServiceDefaults;
using MassTransit;
using Webhooks.API.Consumers;
using Webhooks.API.Infrastructure;
using Webhooks.API.Infrastructure.Migrations;
using Webhooks.API.Model;

namespace Webhooks.API.Extensions;

public static class Extensions
{
    public const string ServiceName = "webhooks";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<WebhooksContext, WebhooksSqliteMigrations, WebhooksSqlServerMigrations>("webhooksdb");
        // One consumer per integration event type of the Contracts, all on one queue.
        builder.AddServiceMessaging<WebhooksContext>(ServiceName, bus =>
        {
            foreach (var type in EventCatalogue.All.Select(e => e.Type))
            {
                bus.AddConsumer(typeof(IntegrationEventConsumer<>).MakeGenericType(type), typeof(IntegrationEventConsumerDefinition<>).MakeGenericType(type));
            }
        });
        builder.AddServiceRedis();
        builder.AddDefaultAuthentication(WebhooksPolicies.All);
        builder.AddDefaultOpenApi(new Dictionary<string, string>
        {
            [WebhooksPolicies.Subscribe] = "Webhooks: subscribe, and manage your own subscriptions",
            [WebhooksPolicies.Admin] = "Webhooks: every subscription, and endpoints on private networks",
        });
        // Limits declared on the request types (EmergencyOps.ServiceDefaults.Input) are checked before any handler runs.
        builder.Services.AddValidation();

        builder.Services.AddOptions<WebhooksOptions>()
            .Bind(builder.Configuration.GetSection(WebhooksOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<UrlCheck>();
        builder.Services.AddSingleton<WebhookSender>();
        builder.Services.AddSingleton<EndpointCircuits>();
        builder.Services.AddSingleton<DeliveryOutcomes>();
        builder.Services.AddSingleton<DeliverySignal>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliverySignal>());
        builder.Services.AddSingleton<DeliveryDispatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DeliveryDispatcher>());
    }
}
