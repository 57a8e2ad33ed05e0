using Hazards.API.Apis;
using Hazards.API.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
// After the forwarded headers (in MapDefaultEndpoints): citizens' reports are limited per client address.
app.UseRateLimiter();
app.MapOpenApi();
app.MapHazardsApi();
app.Run();
