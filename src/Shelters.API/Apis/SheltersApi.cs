using EmergencyOps.ServiceDefaults;
using Shelters.API.Extensions;

namespace Shelters.API.Apis;

public static class SheltersApi
{
    public static IEndpointRouteBuilder MapSheltersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/shelters").WithTags("Shelters");
        api.MapServiceInfo(Extensions.Extensions.ServiceName, SheltersPolicies.Read);
        return app;
    }
}
