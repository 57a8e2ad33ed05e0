using EmergencyOps.ServiceDefaults;
using Inventory.API.Extensions;

namespace Inventory.API.Apis;

public static class InventoryApi
{
    public static IEndpointRouteBuilder MapInventoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory").WithTags("Inventory");
        api.MapServiceInfo(Extensions.Extensions.ServiceName, InventoryPolicies.Read);
        return app;
    }
}
