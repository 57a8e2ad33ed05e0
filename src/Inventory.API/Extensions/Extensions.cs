using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Redis;
using EmergencyOps.ServiceDefaults;
using Inventory.API.Apis;
using Inventory.API.Infrastructure;
using Inventory.API.Infrastructure.Migrations;
using Inventory.API.Model;
using MassTransit;

namespace Inventory.API.Extensions;

public static class Extensions
{
    public const string ServiceName = "inventory";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<InventoryContext, InventorySqliteMigrations, InventorySqlServerMigrations>("inventorydb");
        builder.AddServiceMessaging<InventoryContext>(ServiceName, bus => bus.AddConsumers(typeof(InventoryContext).Assembly));
        builder.AddServiceRedis();
        builder.AddDefaultAuthentication(InventoryPolicies.All);
        builder.AddDefaultOpenApi();
        // Limits declared on the request types (EmergencyOps.ServiceDefaults.Input) are checked before any handler runs.
        builder.Services.AddValidation();

        builder.Services.AddSingleton<WarehouseBindings>();
        builder.Services.AddScoped<StockLedger>();
        builder.Services.AddScoped<ReserveNorms>();
        builder.Services.AddScoped<ReservationBook>();
        builder.Services.AddOptions<ExpiryOptions>()
            .Bind(builder.Configuration.GetSection("Inventory:Expiry"))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddHostedService<BatchExpiryMonitor>();
    }
}
