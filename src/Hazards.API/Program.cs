using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Persistence;
using Hazards.API.Apis;
using Hazards.API.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
// Operator commands (--migrate, --requeue-errors QUEUE) do their one job and exit.
if (await app.MigrateOnlyAsync(args) || await app.RequeueErrorsOnlyAsync(args)) return;
app.MapDefaultEndpoints();
// After the forwarded headers (in MapDefaultEndpoints): citizens' reports are limited per client address.
app.UseRateLimiter();
app.MapOpenApi();
app.MapHazardsApi();
app.Run();
