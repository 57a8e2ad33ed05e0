using Inventory.API.Apis;
using Inventory.API.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapInventoryApi();
app.Run();
