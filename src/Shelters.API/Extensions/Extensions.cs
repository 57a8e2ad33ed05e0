using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Redis;
using EmergencyOps.ServiceDefaults;
using MassTransit;
using Shelters.API.Infrastructure;
using Shelters.API.Infrastructure.Migrations;
using Shelters.API.Model;

namespace Shelters.API.Extensions;

public static class Extensions
{
    public const string ServiceName = "shelters";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<SheltersContext, SheltersSqliteMigrations, SheltersSqlServerMigrations>("sheltersdb");
        builder.AddServiceMessaging<SheltersContext>(ServiceName, bus => bus.AddConsumers(typeof(SheltersContext).Assembly));
        builder.AddServiceRedis();
        builder.AddDefaultAuthentication(SheltersPolicies.All);
        builder.AddDefaultOpenApi();
        // Limits declared on the request types (EmergencyOps.ServiceDefaults.Input) are checked before any handler runs.
        builder.Services.AddValidation();

        builder.Services.AddOptions<WarningReactionOptions>()
            .Bind(builder.Configuration.GetSection("Shelters:WarningReaction"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<AvailabilityOptions>()
            .Bind(builder.Configuration.GetSection("Shelters:Availability"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<ShelterChanges>();
        builder.Services.AddScoped<WarningReaction>();
        builder.Services.AddScoped<AvailabilityCache>();
        builder.Services.AddHostedService<AvailabilityReconciler>();
    }
}
