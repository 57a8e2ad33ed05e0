using Shelters.API.Apis;
using Shelters.API.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapSheltersApi();
app.Run();
