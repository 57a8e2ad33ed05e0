using EmergencyOps.Gateway.Extensions;
using EmergencyOps.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplicationServices();

var app = builder.Build();
app.UseSecurityHeaders();
app.MapDefaultEndpoints();
app.UseEdgeProtection();
app.MapApiReference();
app.MapAsyncApiDocument();
// Proxied responses stream through (the live feed among them): never buffered here.
app.MapReverseProxy().WithMetadata(new EmergencyOps.ServiceDefaults.Input.StreamingResponseAttribute());
app.Run();
