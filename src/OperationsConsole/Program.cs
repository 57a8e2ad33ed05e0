using EmergencyOps.ServiceDefaults;
using OperationsConsole.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapConsole();
app.Run();
