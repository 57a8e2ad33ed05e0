using System.Net;
using System.Net.Http.Json;
using EmergencyOps.ServiceDefaults;
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
    public async Task A_shortfall_in_the_recovery_band_shows_nothing_missing_and_what_is_left_to_recover()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("NM-BAND", district: "310104");
        await client.ChangeAsync(w.Id, Receipt("LV-BLANKET", 150));
        using (await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/LV-BLANKET", new SetNormRequest(100, 20), Json)) { }
        await client.ChangeAsync(w.Id, Issue("LV-BLANKET", 60));   // 90: short by 10, 30 to recover
        var shortNow = await ShortfallAsync(client, w.Id);
        Assert.Equal((90, 10, 30), (shortNow.GetProperty("available").GetInt32(), shortNow.GetProperty("missing").GetInt32(), shortNow.GetProperty("toRecover").GetInt32()));

        await client.ChangeAsync(w.Id, Receipt("LV-BLANKET", 20)); // 110: above the minimum, below minimum + margin

        var band = await ShortfallAsync(client, w.Id);
        Assert.Equal((100, 20, 110, 0, 10), (band.GetProperty("minimum").GetInt32(), band.GetProperty("recoveryMargin").GetInt32(),
            band.GetProperty("available").GetInt32(), band.GetProperty("missing").GetInt32(), band.GetProperty("toRecover").GetInt32()));
    }

    private static async Task<System.Text.Json.JsonElement> ShortfallAsync(HttpClient client, Guid warehouse)
    {
        var all = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/inventory/shortfalls?district=310104", Json);
        return Assert.Single(all.EnumerateArray(), s => s.GetProperty("warehouseId").GetGuid() == warehouse);
    }

    [Fact]
    public async Task A_refusal_for_lack_of_stock_says_whether_available_is_the_warehouses_or_the_reservations()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("RV-AV");
        await client.ChangeAsync(w.Id, Receipt("LV-TENT", 100));
        using var made = await client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(await factory.OpenWarningAsync(), w.Id, "LV-TENT", 80), Json);
        var reservation = (await made.Content.ReadFromJsonAsync<ReservationResponse>(Json))!;

        using var reserveMore = await client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(await factory.OpenWarningAsync(), w.Id, "LV-TENT", 30), Json);
        using var ordinary = await client.PostChangeAsync(w.Id, Issue("LV-TENT", 30));
        using var overdraw = await client.PostChangeAsync(w.Id, Issue("LV-TENT", 81, reservation: reservation.Id));

        foreach (var (response, available, of, says) in new[] { (reserveMore, 20, "warehouse", "unreserved"), (ordinary, 20, "warehouse", "unreserved"), (overdraw, 80, "reservation", "left of reservation") })
        {
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var problem = await response.ProblemAsync();
            Assert.Equal((available, of), (problem.GetProperty("available").GetInt32(), problem.GetProperty("availableOf").GetString()));
            Assert.Contains(says, problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task The_low_stock_and_recovery_alerts_of_a_warehouse_are_kept_and_only_its_own_keeper_reads_them()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("NM-HIST", district: "310104");
        var other = await client.RegisterWarehouseAsync("NM-HIST-O", district: "310104");
        await client.ChangeAsync(w.Id, Receipt("LV-BLANKET", 150));
        await client.ChangeAsync(w.Id, Receipt("LV-TENT", 5));
        using (await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/LV-BLANKET", new SetNormRequest(100, 10), Json)) { }
        using (await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/LV-TENT", new SetNormRequest(10, 0), Json)) { }
        await client.ChangeAsync(w.Id, Issue("LV-BLANKET", 60));   // 90: low
        await client.ChangeAsync(w.Id, Receipt("LV-BLANKET", 25)); // 115: recovered

        var history = await client.GetFromJsonAsync<PaginatedItems<StockAlertResponse>>($"/api/inventory/warehouses/{w.Id}/stock-alerts?material=LV-BLANKET", Json);
        Assert.Equal([(StockAlertKind.StockRecovered, 115, 100), (StockAlertKind.LowStock, 90, 100)], history!.Data.Select(a => (a.Kind, a.Available, a.Minimum)));
        var all = await client.GetFromJsonAsync<PaginatedItems<StockAlertResponse>>($"/api/inventory/warehouses/{w.Id}/stock-alerts", Json);
        Assert.Equal(["LV-TENT", "LV-BLANKET", "LV-BLANKET"], all!.Data.Select(a => a.MaterialCode).OrderByDescending(c => c, StringComparer.Ordinal));

        using var own = factory.KeeperOf(w.Code);
        Assert.Equal(3, (await own.GetFromJsonAsync<PaginatedItems<StockAlertResponse>>($"/api/inventory/warehouses/{w.Id}/stock-alerts", Json))!.Count);
        using var stranger = factory.KeeperOf(other.Code);
        using var refused = await stranger.GetAsync($"/api/inventory/warehouses/{w.Id}/stock-alerts");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Not your warehouse", (await refused.ProblemAsync()).GetProperty("title").GetString());
        using var unknown = await client.GetAsync($"/api/inventory/warehouses/{w.Id}/stock-alerts?material=NO-SUCH");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Reserved_stock_is_kept_from_ordinary_issues_consumed_against_the_reservation_and_released()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("RV-01");
        await client.ChangeAsync(w.Id, Receipt("LV-TENT", 100));
        var warning = await factory.OpenWarningAsync();
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
        // The reservation is in the warehouse's history: reserved, drawn on, released, each with on hand after it.
        var history = (await client.LedgerAsync(w.Id, "LV-TENT")).Where(e => e.ReservationId == reservation.Id).OrderBy(e => e.Sequence);
        Assert.Equal([(LedgerKind.Reservation, 0, 80, 100), (LedgerKind.Issue, -50, -50, 50), (LedgerKind.ReservationRelease, 0, -30, 50)],
            history.Select(e => (e.Kind, e.Delta, e.ReservedDelta, e.BalanceAfter)));
        var listed = Assert.Single((await client.GetFromJsonAsync<List<ReservationResponse>>($"/api/inventory/reservations?warningId={warning}", Json))!);
        Assert.Equal((true, 0, ReservationReleaseCause.Requested), (listed.Released, listed.Remaining, listed.ReleasedBecause));
    }
}
