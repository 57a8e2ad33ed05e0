using EmergencyOps.Messaging.Persistence;
using Inventory.API.Apis;
using Inventory.API.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
// The migration runner (--migrate) applies the schema and exits.
if (await app.MigrateOnlyAsync(args)) return;
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapInventoryApi();
app.Run();
