using EmergencyOps.ServiceDefaults;
using Identity.API.Apis;
using Identity.API.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapIdentityApi();
app.Run();
