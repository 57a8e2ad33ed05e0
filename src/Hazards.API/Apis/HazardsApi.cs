using EmergencyOps.ServiceDefaults;
using Hazards.API.Extensions;

namespace Hazards.API.Apis;

public static class HazardsApi
{
    public static IEndpointRouteBuilder MapHazardsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/hazards").WithTags("Hazards");
        api.MapServiceInfo(Extensions.Extensions.ServiceName, HazardsPolicies.Read);
        return app;
    }
}
