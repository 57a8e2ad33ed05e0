using EmergencyOps.ServiceDefaults;
using Webhooks.API.Apis;
using Webhooks.API.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOpenApi();
app.MapWebhooksApi();
app.Run();
