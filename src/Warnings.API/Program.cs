using Warnings.API.Apis;
using Warnings.API.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapWarningsApi();
app.Run();
