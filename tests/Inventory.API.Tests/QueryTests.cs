using EmergencyOps.Testing;
using System.Net.Http.Json;
using Inventory.API.Model;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

public sealed class QueryTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    [Fact]
    public async Task Totals_by_district_and_city_nearest_holders_and_expiring_batches()
    {
        using var client = factory.CreateClient();
        // People's Square (31.2304, 121.4737): Huangpu store 1882 m away, Xuhui store 4063 m, Yangpu store 8133 m.
        var huangpu = await client.RegisterWarehouseAsync("Q-HP", "310101", 31.2400, 121.4900);
        var xuhui = await client.RegisterWarehouseAsync("Q-XH", "310104", 31.2000, 121.4500);
        var yangpu = await client.RegisterWarehouseAsync("Q-YP", "310110", 31.3000, 121.5000);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await client.ChangeAsync(huangpu.Id, Receipt("MD-FIRSTAID", 30, "FA-1", today.AddDays(10)));
        await client.ChangeAsync(xuhui.Id, Receipt("MD-FIRSTAID", 200, "FA-2", today.AddDays(400)));
        await client.ChangeAsync(yangpu.Id, Receipt("MD-FIRSTAID", 500, "FA-3", today.AddDays(25)));

        var city = await client.GetFromJsonAsync<MaterialTotal>("/api/inventory/materials/MD-FIRSTAID/totals", Json);
        var xh = await client.GetFromJsonAsync<MaterialTotal>("/api/inventory/materials/MD-FIRSTAID/totals?district=310104", Json);
        Assert.Equal((730, 3), (city!.OnHand, city.Warehouses));
        Assert.Equal(200, xh!.Available);

        var nearest = await client.GetFromJsonAsync<List<NearbyWarehouse>>("/api/inventory/materials/MD-FIRSTAID/nearest?lat=31.2304&lon=121.4737&quantity=100", Json);
        Assert.Equal([(xuhui.Id, 4063), (yangpu.Id, 8133)], nearest!.Select(n => (n.WarehouseId, n.DistanceMetres)));

        var expiring = await client.GetFromJsonAsync<List<ExpiringBatch>>("/api/inventory/batches/expiring?days=30", Json);
        Assert.Equal([("FA-1", 10), ("FA-3", 25)], expiring!.Where(e => e.MaterialCode == "MD-FIRSTAID").Select(e => (e.Batch, e.DaysLeft)));
    }
}

public sealed class MaterialCatalogueTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    [Fact]
    public async Task The_catalogue_is_seeded_and_administrators_add_and_change_materials()
    {
        using var client = factory.CreateClient();
        var seeded = await client.GetFromJsonAsync<List<Material>>("/api/inventory/materials", Json);
        Assert.Contains(seeded!, m => m.Code == "LV-WATER" && m.BatchTracked && m.ShelfLifeDays == 540);

        using var created = await client.PutAsJsonAsync("/api/inventory/materials/RS-ROPE", new Apis.MaterialRequest("救援绳(50m)", "rescue", "根", null, false), Json);
        using var changed = await client.PutAsJsonAsync("/api/inventory/materials/RS-ROPE", new Apis.MaterialRequest("静力救援绳(50m)", "rescue", "根", null, false), Json);
        using var invalid = await client.PutAsJsonAsync("/api/inventory/materials/MD-MASK", new Apis.MaterialRequest("口罩", "medical", "只", 730, false), Json);

        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("静力救援绳(50m)", (await changed.Content.ReadFromJsonAsync<Material>(Json))!.Name);
        Assert.True((await invalid.ProblemAsync()).GetProperty("errors").TryGetProperty("batchTracked", out _));
        var w = await client.RegisterWarehouseAsync("MC-01");
        await client.ChangeAsync(w.Id, Receipt("RS-ROPE", 10));
        using var retrack = await client.PutAsJsonAsync("/api/inventory/materials/RS-ROPE", new Apis.MaterialRequest("静力救援绳(50m)", "rescue", "根", 3650, true), Json);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, retrack.StatusCode);
    }
}
