using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Redis;
using EmergencyOps.ServiceDefaults;
using MassTransit;
using Shelters.API.Infrastructure;

namespace Shelters.API.Extensions;

public static class Extensions
{
    public const string ServiceName = "shelters";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SheltersContext>("sheltersdb");
        builder.AddServiceMessaging<SheltersContext>(ServiceName, bus => bus.AddConsumers(typeof(SheltersContext).Assembly));
        builder.AddServiceRedis();
        builder.AddDefaultAuthentication(SheltersPolicies.All);
        builder.Services.AddOpenApi();
    }
}
