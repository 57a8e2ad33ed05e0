using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Redis;
using EmergencyOps.ServiceDefaults;
using MassTransit;
using Warnings.API.Infrastructure;
using Warnings.API.Infrastructure.Migrations;
using Warnings.API.Model;

namespace Warnings.API.Extensions;

public static class Extensions
{
    public const string ServiceName = "warnings";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<WarningsContext, WarningsSqliteMigrations, WarningsSqlServerMigrations>("warningsdb");
        builder.AddServiceMessaging<WarningsContext>(ServiceName, bus => bus.AddConsumers(typeof(WarningsContext).Assembly));
        builder.AddServiceRedis();
        builder.AddDefaultAuthentication(WarningsPolicies.All);
        builder.AddDefaultOpenApi();
        // Limits declared on the request types (EmergencyOps.ServiceDefaults.Input) are checked before any handler runs.
        builder.Services.AddValidation();

        builder.Services.AddOptions<WarningsOptions>()
            .Bind(builder.Configuration.GetSection("Warnings"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddScoped<WarningPublisher>();
        builder.Services.AddScoped<MonitoringEngine>();
        builder.Services.AddScoped<HazardReaction>();
        builder.Services.AddScoped<HazardSiteReaction>();
        builder.Services.AddScoped<EnterpriseRiskReaction>();
        builder.Services.AddSingleton<FeedHub>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<FeedHub>());
        builder.Services.AddSingleton<WarningSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<WarningSweeper>());
    }
}
