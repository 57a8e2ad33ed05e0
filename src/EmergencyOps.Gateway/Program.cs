using EmergencyOps.Gateway.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapApiReference();
app.MapReverseProxy();
app.Run();
