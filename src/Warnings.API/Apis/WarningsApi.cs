using EmergencyOps.ServiceDefaults;
using Warnings.API.Extensions;

namespace Warnings.API.Apis;

public static class WarningsApi
{
    public static IEndpointRouteBuilder MapWarningsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/warnings").WithTags("Warnings");
        api.MapServiceInfo(Extensions.Extensions.ServiceName, WarningsPolicies.Read);
        return app;
    }
}
