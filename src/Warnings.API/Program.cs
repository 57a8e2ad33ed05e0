using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using Warnings.API.Apis;
using Warnings.API.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
// Operator commands (--migrate, --requeue-errors QUEUE) do their one job and exit.
if (await app.MigrateOnlyAsync(args) || await app.RequeueErrorsOnlyAsync(args)) return;
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapWarningsApi();
app.Run();
