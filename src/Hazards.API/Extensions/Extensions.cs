using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Redis;
using EmergencyOps.ServiceDefaults;
using Hazards.API.Apis;
using Hazards.API.Infrastructure;
using Hazards.API.Infrastructure.Migrations;
using Hazards.API.Model;
using MassTransit;

namespace Hazards.API.Extensions;

public static class Extensions
{
    public const string ServiceName = "hazards";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<HazardsContext, HazardsSqliteMigrations, HazardsSqlServerMigrations>("hazardsdb");
        builder.AddServiceMessaging<HazardsContext>(ServiceName, bus => bus.AddConsumers(typeof(HazardsContext).Assembly));
        builder.AddServiceRedis();
        builder.AddDefaultAuthentication(HazardsPolicies.All);
        builder.AddDefaultOpenApi();
        // Limits declared on the request types (EmergencyOps.ServiceDefaults.Input) are checked before any handler runs.
        builder.Services.AddValidation();

        builder.Services.AddOptions<HazardsOptions>()
            .Bind(builder.Configuration.GetSection(HazardsOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddOptions<CodeCacheOptions>()
            .Bind(builder.Configuration.GetSection(CodeCacheOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<CodeCache>();
        builder.Services.AddHostedService<CatalogueSeeder>();
        builder.Services.AddCitizenRateLimit();
        builder.Services.AddScoped<HazardEvents>();
        builder.Services.AddScoped<ProductIssuer>();
        builder.Services.AddScoped<UnitEvaluator>();
        builder.Services.AddScoped<TraceRecorder>();
        builder.Services.AddScoped<RiskModel>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<HiddenDangerSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<HiddenDangerSweeper>());
        builder.Services.AddSingleton<RiskSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RiskSweeper>());
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddSchemaTransformer<CriterionNumbersSchemaTransformer>());
    }
}
