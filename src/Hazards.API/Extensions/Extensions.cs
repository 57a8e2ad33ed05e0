using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Redis;
using EmergencyOps.ServiceDefaults;
using MassTransit;
using Hazards.API.Infrastructure;

namespace Hazards.API.Extensions;

public static class Extensions
{
    public const string ServiceName = "hazards";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<HazardsContext>("hazardsdb");
        builder.AddServiceMessaging<HazardsContext>(ServiceName, bus => bus.AddConsumers(typeof(HazardsContext).Assembly));
        builder.AddServiceRedis();
        builder.AddDefaultAuthentication(HazardsPolicies.All);
        builder.Services.AddOpenApi();
    }
}
