using EmergencyOps.Messaging.Persistence;
using EmergencyOps.ServiceDefaults;
using Webhooks.API.Apis;
using Webhooks.API.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
// The migration runner (--migrate) applies the schema and exits.
if (await app.MigrateOnlyAsync(args)) return;
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapWebhooksApi();
app.Run();
