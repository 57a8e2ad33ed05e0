using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using EmergencyOps.ServiceDefaults;
using Webhooks.API.Apis;
using Webhooks.API.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
// Operator commands (--migrate, --requeue-errors QUEUE) do their one job and exit.
if (await app.MigrateOnlyAsync(args) || await app.RequeueErrorsOnlyAsync(args)) return;
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapWebhooksApi();
app.Run();
