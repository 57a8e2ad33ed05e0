using EmergencyOps.Messaging.Persistence;
using Hazards.API.Apis;
using Hazards.API.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
// The migration runner (--migrate) applies the schema and exits.
if (await app.MigrateOnlyAsync(args)) return;
app.MapDefaultEndpoints();
// After the forwarded headers (in MapDefaultEndpoints): citizens' reports are limited per client address.
app.UseRateLimiter();
app.MapOpenApi();
app.MapHazardsApi();
app.Run();
