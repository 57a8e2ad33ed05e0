using System.Net.Http.Json;
using Inventory.API.Model;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

/// <summary>Lists and aggregates a warehouse's client reads are narrowed to its own warehouse, not refused; the city's are whole.</summary>
public sealed class BindingListTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Lists_totals_shortfalls_and_expiring_batches_hold_only_the_own_warehouse(bool byId)
    {
        using var city = factory.CreateClient();
        var (a, b, material) = await city.TwoWarehousesAsync();
        await city.ChangeAsync(a.Id, Receipt(material, 5, "A-1", Today.AddDays(10)));
        await city.ChangeAsync(b.Id, Receipt(material, 10, "B-1", Today.AddDays(20)));
        foreach (var w in new[] { a, b })
        {
            (await city.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/{material}", new SetNormRequest(100, 10), Json)).EnsureSuccessStatusCode();
        }
        var warning = await factory.OpenWarningAsync();
        (await city.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(warning, b.Id, material, 1), Json)).EnsureSuccessStatusCode();
        var bToA = await city.CreateTransferAsync(b.Id, a.Id, material, 2);
        var bOnly = await city.CreateTransferAsync(b.Id, (await city.TwoWarehousesAsync()).A.Id, material, 3);
        using var keeper = factory.KeeperOf(a.Binding(byId));

        var warehouses = await keeper.GetFromJsonAsync<List<WarehouseResponse>>("/api/inventory/warehouses", Json);
        var totals = await keeper.GetFromJsonAsync<MaterialTotal>($"/api/inventory/materials/{material}/totals", Json);
        var shortfalls = await keeper.GetFromJsonAsync<List<ShortfallResponse>>("/api/inventory/shortfalls", Json);
        var expiring = await keeper.GetFromJsonAsync<List<ExpiringBatch>>("/api/inventory/batches/expiring?days=30", Json);
        var nearest = await keeper.GetFromJsonAsync<List<NearbyWarehouse>>($"/api/inventory/materials/{material}/nearest?lat=31.2304&lon=121.4737", Json);
        var reservations = await keeper.GetFromJsonAsync<List<ReservationResponse>>($"/api/inventory/reservations?warningId={warning}", Json);
        var transfers = await keeper.GetFromJsonAsync<List<TransferResponse>>("/api/inventory/transfers", Json);
        var transfer = await keeper.GetFromJsonAsync<TransferResponse>($"/api/inventory/transfers/{bToA.Id}", Json);
        using var notInvolved = await keeper.GetAsync($"/api/inventory/transfers/{bOnly.Id}");

        Assert.Equal([a.Code], warehouses!.Select(w => w.Code));
        Assert.Equal((5L, 1), (totals!.OnHand, totals.Warehouses));
        Assert.Equal([(a.Id, 100, 5)], shortfalls!.Select(s => (s.WarehouseId, s.Minimum, s.Available)));
        Assert.Equal([(a.Id, "A-1", 10)], expiring!.Select(e => (e.WarehouseId, e.Batch, e.DaysLeft)));
        Assert.Equal([a.Id], nearest!.Select(n => n.WarehouseId));
        Assert.Empty(reservations!);
        Assert.Equal([bToA.Id], transfers!.Select(t => t.Id));
        Assert.Equal((b.Id, a.Id), (transfer!.FromWarehouseId, transfer.ToWarehouseId));
        await notInvolved.AssertNotYoursAsync(bOnly.Id.ToString(), a.Binding(byId));
    }

    [Fact]
    public async Task The_city_sees_every_warehouse_in_its_lists_and_totals()
    {
        using var city = factory.CreateClient();
        var (a, b, material) = await city.TwoWarehousesAsync();
        await city.ChangeAsync(a.Id, Receipt(material, 5, "A-1", Today.AddDays(10)));
        await city.ChangeAsync(b.Id, Receipt(material, 10, "B-1", Today.AddDays(20)));

        var warehouses = await city.GetFromJsonAsync<List<WarehouseResponse>>("/api/inventory/warehouses", Json);
        var totals = await city.GetFromJsonAsync<MaterialTotal>($"/api/inventory/materials/{material}/totals", Json);
        var expiring = await city.GetFromJsonAsync<List<ExpiringBatch>>("/api/inventory/batches/expiring?days=30", Json);

        Assert.Superset(new HashSet<Guid> { a.Id, b.Id }, warehouses!.Select(w => w.Id).ToHashSet());
        Assert.Equal((15L, 2), (totals!.OnHand, totals.Warehouses));
        Assert.Equal([(a.Id, "A-1"), (b.Id, "B-1")], expiring!.Where(e => e.MaterialCode == material).Select(e => (e.WarehouseId, e.Batch)));
    }
}
