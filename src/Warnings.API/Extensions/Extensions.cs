using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Redis;
using EmergencyOps.ServiceDefaults;
using MassTransit;
using Warnings.API.Infrastructure;

namespace Warnings.API.Extensions;

public static class Extensions
{
    public const string ServiceName = "warnings";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<WarningsContext>("warningsdb");
        builder.AddServiceMessaging<WarningsContext>(ServiceName, bus => bus.AddConsumers(typeof(WarningsContext).Assembly));
        builder.AddServiceRedis();
        builder.AddDefaultAuthentication(WarningsPolicies.All);
        builder.Services.AddOpenApi();
    }
}
