namespace Inventory.API.Apis;

public static class InventoryApi
{
    public static IEndpointRouteBuilder MapInventoryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/inventory").WithTags("Inventory");
        api.MapWarehousesApi();
        api.MapWarehouseAdminApi();
        api.MapMaterialsApi();
        api.MapStockApi();
        api.MapTransfersApi();
        api.MapReservationsApi();
        api.MapQueriesApi();
        api.MapAlertsApi();
        return app;
    }
}
