using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Testing;
using Inventory.API.Model;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

public sealed class NormAndReservationTests(InventoryFactory factory) : IClassFixture<InventoryFactory>, IAsyncLifetime
{
    private MessageRecorder _events = null!;

    public async Task InitializeAsync() =>
        _events = await new MessageRecorder(factory.EntityPrefix).Record<LowStock>().Record<StockRecovered>().Record<StockChanged>().StartAsync();

    public async Task DisposeAsync() => await _events.DisposeAsync();

    [Fact]
    public async Task Falling_below_the_norm_raises_low_stock_once_and_only_a_real_recovery_clears_it()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("NM-01", district: "310104");
        await client.ChangeAsync(w.Id, Receipt("LV-BLANKET", 150));
        using (var norm = await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/LV-BLANKET", new SetNormRequest(100, 10), Json))
        {
            Assert.False((await norm.Content.ReadFromJsonAsync<NormResponse>(Json))!.InShortfall);
        }

        await client.ChangeAsync(w.Id, Issue("LV-BLANKET", 60));   // 90: short
        await client.ChangeAsync(w.Id, Issue("LV-BLANKET", 10));   // 80: still short, no second alert
        await client.ChangeAsync(w.Id, Receipt("LV-BLANKET", 25)); // 105: above the norm, below norm + margin
        var shortfalls = await client.GetFromJsonAsync<List<ShortfallResponse>>("/api/inventory/shortfalls?district=310104", Json);
        Assert.Equal([("LV-BLANKET", 100, 105)], shortfalls!.Where(s => s.WarehouseId == w.Id).Select(s => (s.MaterialCode, s.Minimum, s.Available)));
        await client.ChangeAsync(w.Id, Receipt("LV-BLANKET", 5));  // 110: recovered

        var recovered = await _events.WaitForAsync<StockRecovered>(e => e.WarehouseId == w.Id);
        Assert.Equal(110, recovered.Message.Available);
        var low = Assert.Single(_events.Received<LowStock>(), e => e.Message.WarehouseId == w.Id);
        Assert.Equal((90, 100, "310104"), (low.Message.Available, low.Message.Minimum, low.Message.DistrictCode));
        Assert.Single(_events.Received<StockRecovered>(), e => e.Message.WarehouseId == w.Id);
        Assert.DoesNotContain(await client.GetFromJsonAsync<List<ShortfallResponse>>("/api/inventory/shortfalls", Json) ?? [], s => s.WarehouseId == w.Id);
        await _events.WaitForAsync<StockChanged>(e => e.WarehouseId == w.Id && e.OnHand == 110);
    }

    [Fact]
    public async Task Reserved_stock_is_kept_from_ordinary_issues_consumed_against_the_reservation_and_released()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("RV-01");
        await client.ChangeAsync(w.Id, Receipt("LV-TENT", 100));
        var warning = Guid.NewGuid();
        using var made = await client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(warning, w.Id, "LV-TENT", 80), Json);
        var reservation = (await made.Content.ReadFromJsonAsync<ReservationResponse>(Json))!;

        using var ordinary = await client.PostChangeAsync(w.Id, Issue("LV-TENT", 30));
        Assert.Equal(HttpStatusCode.Conflict, ordinary.StatusCode);
        Assert.Equal(20, (await ordinary.ProblemAsync()).GetProperty("available").GetInt32());

        var drawn = await client.ChangeAsync(w.Id, Issue("LV-TENT", 50, reservation: reservation.Id));
        Assert.Equal((50, 30, 20), (drawn.Balance.OnHand, drawn.Balance.Reserved, drawn.Balance.Available));
        using var overdraw = await client.PostChangeAsync(w.Id, Issue("LV-TENT", 31, reservation: reservation.Id));
        Assert.Equal(HttpStatusCode.Conflict, overdraw.StatusCode);

        using var released = await client.PostAsync($"/api/inventory/reservations/{reservation.Id}/release", null);
        Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        var balance = await client.BalanceAsync(w.Id, "LV-TENT");
        Assert.Equal((50, 0, 50), (balance!.OnHand, balance.Reserved, balance.Available));
        await client.AssertBalanceEqualsLedgerAsync(w.Id, "LV-TENT");
    }
}
