using EmergencyOps.Messaging.Persistence;
using Shelters.API.Apis;
using Shelters.API.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
// The migration runner (--migrate) applies the schema and exits.
if (await app.MigrateOnlyAsync(args)) return;
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapSheltersApi();
app.Run();
