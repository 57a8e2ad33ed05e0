using System.Net;
using System.Net.Http.Json;
using EmergencyOps.ServiceDefaults;
using Inventory.API.Model;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

/// <summary>A warehouse's client (its token carries warehouse_id, as its code or its id) posts to and reads its own stock only.</summary>
public sealed class BindingTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_warehouse_posts_stock_changes_to_its_own_warehouse_only(bool byId)
    {
        using var city = factory.CreateClient();
        var (a, b, material) = await city.TwoWarehousesAsync();
        await city.ChangeAsync(b.Id, Receipt(material, 10, "B-1", Today.AddDays(100)));
        using var keeper = factory.KeeperOf(a.Binding(byId));

        using var own = await keeper.PostChangeAsync(a.Id, Receipt(material, 5, "A-1", Today.AddDays(100)));
        using var receipt = await keeper.PostChangeAsync(b.Id, Receipt(material, 7, "B-2", Today.AddDays(100)));
        using var issue = await keeper.PostChangeAsync(b.Id, Issue(material, 10));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var posted = (await own.Content.ReadFromJsonAsync<StockChangeResponse>(Json))!;
        Assert.Equal(5, posted.Balance.OnHand);
        Assert.Equal($"keeper of {a.Binding(byId)}", Assert.Single(posted.Entries).Actor);
        await receipt.AssertNotYoursAsync(b.Id.ToString(), a.Binding(byId));
        await issue.AssertNotYoursAsync(b.Id.ToString(), a.Binding(byId));
        // Nothing reached B: its balance and its ledger are what the city put there.
        Assert.Equal(10, (await city.BalanceAsync(b.Id, material))!.OnHand);
        Assert.Equal([10], (await city.LedgerAsync(b.Id, material)).Select(e => e.Delta));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_warehouse_reads_its_own_ledger_balances_and_record_and_is_refused_another_warehouses(bool byId)
    {
        using var city = factory.CreateClient();
        var (a, b, material) = await city.TwoWarehousesAsync();
        await city.ChangeAsync(a.Id, Receipt(material, 5, "A-1", Today.AddDays(100)));
        await city.ChangeAsync(b.Id, Receipt(material, 10, "B-1", Today.AddDays(100)));
        using var keeper = factory.KeeperOf(a.Binding(byId));

        var ledger = await keeper.LedgerAsync(a.Id, material);
        var balance = await keeper.BalanceAsync(a.Id, material);
        var record = await keeper.GetFromJsonAsync<WarehouseResponse>($"/api/inventory/warehouses/{a.Id}", Json);
        using var theirLedger = await keeper.GetAsync($"/api/inventory/warehouses/{b.Id}/ledger");
        using var theirBalances = await keeper.GetAsync($"/api/inventory/warehouses/{b.Id}/balances");
        using var theirRecord = await keeper.GetAsync($"/api/inventory/warehouses/{b.Id}");
        // Refused alike whether or not the warehouse exists: a bound caller learns nothing of others.
        var unknown = Guid.NewGuid();
        using var noSuch = await keeper.GetAsync($"/api/inventory/warehouses/{unknown}/ledger");

        Assert.Equal([(a.Id, 5)], ledger.Select(e => (e.WarehouseId, e.Delta)));
        Assert.Equal(5, balance!.OnHand);
        Assert.Equal(a.Code, record!.Code);
        await theirLedger.AssertNotYoursAsync(b.Id.ToString(), a.Binding(byId));
        await theirBalances.AssertNotYoursAsync(b.Id.ToString(), a.Binding(byId));
        await theirRecord.AssertNotYoursAsync(b.Id.ToString(), a.Binding(byId));
        await noSuch.AssertNotYoursAsync(unknown.ToString(), a.Binding(byId));
    }

    [Fact]
    public async Task Writes_under_other_scopes_stay_within_the_own_warehouse_too()
    {
        using var city = factory.CreateClient();
        var (a, b, material) = await city.TwoWarehousesAsync();
        await city.ChangeAsync(b.Id, Receipt(material, 10, "B-1", Today.AddDays(100)));
        var toA = await city.CreateTransferAsync(b.Id, a.Id, material, 4);
        // Every scope of the service, as no real bound role holds: the binding alone keeps it to its own warehouse.
        using var keeper = factory.KeeperOf(a.Code, scopes: null);

        using var norm = await keeper.PutAsJsonAsync($"/api/inventory/warehouses/{b.Id}/norms/{material}", new SetNormRequest(100, 10), Json);
        using var register = await keeper.PostAsJsonAsync("/api/inventory/warehouses",
            new RegisterWarehouseRequest($"X-{material}", "新库", "street", "310115", "上海市浦东新区张杨路2号", 31.22, 121.54, "李库管", 100), Json);
        using var catalogue = await keeper.PutAsJsonAsync($"/api/inventory/materials/{material}", new Apis.MaterialRequest("改名", "medical", "个", 365, true), Json);
        using var dispatch = await keeper.PostAsync($"/api/inventory/transfers/{toA.Id}/dispatch", null);
        using var reserve = await keeper.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(Guid.NewGuid(), b.Id, material, 1), Json);

        await norm.AssertNotYoursAsync(b.Id.ToString(), a.Code);
        await register.AssertNotYoursAsync("registering a warehouse", a.Code);
        await catalogue.AssertNotYoursAsync("the material catalogue", a.Code);
        // Dispatching moves the source's stock (B's), though the transfer arrives at A.
        await dispatch.AssertNotYoursAsync(toA.Id.ToString(), a.Code);
        await reserve.AssertNotYoursAsync(b.Id.ToString(), a.Code);
        var theirs = (await city.BalanceAsync(b.Id, material))!;
        Assert.Equal((10, 0), (theirs.OnHand, theirs.Reserved));
        Assert.DoesNotContain(await city.GetFromJsonAsync<List<ShortfallResponse>>("/api/inventory/shortfalls", Json) ?? [], s => s.MaterialCode == material);
        Assert.Equal(TransferStatus.Created, (await city.GetFromJsonAsync<TransferResponse>($"/api/inventory/transfers/{toA.Id}", Json))!.Status);
        Assert.Equal("急救包(测试)", (await city.GetFromJsonAsync<List<Material>>("/api/inventory/materials", Json))!.Single(m => m.Code == material).Name);
    }

    [Fact]
    public async Task A_binding_that_names_no_warehouse_acts_for_none()
    {
        using var city = factory.CreateClient();
        var (a, _, material) = await city.TwoWarehousesAsync();
        using var stranger = factory.KeeperOf("NO-SUCH-WAREHOUSE");

        using var post = await stranger.PostChangeAsync(a.Id, Receipt(material, 1, "X-1", Today.AddDays(100)));
        var warehouses = await stranger.GetFromJsonAsync<List<WarehouseResponse>>("/api/inventory/warehouses", Json);

        await post.AssertNotYoursAsync(a.Id.ToString(), "NO-SUCH-WAREHOUSE");
        Assert.Empty(warehouses!);
        Assert.Null(await city.BalanceAsync(a.Id, material));
    }

    [Fact]
    public async Task A_caller_bound_to_no_warehouse_acts_for_every_warehouse()
    {
        using var city = factory.CreateClient();
        city.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.ScopesHeader, Keepers.KeeperScopes);
        using var admin = factory.CreateClient();
        var (a, b, material) = await admin.TwoWarehousesAsync();

        await city.ChangeAsync(a.Id, Receipt(material, 1, "A-1", Today.AddDays(100)));
        await city.ChangeAsync(b.Id, Receipt(material, 2, "B-1", Today.AddDays(100)));
        var warehouses = await city.GetFromJsonAsync<List<WarehouseResponse>>("/api/inventory/warehouses", Json);

        Assert.Equal(2, (await city.BalanceAsync(b.Id, material))!.OnHand);
        Assert.Contains(warehouses!, w => w.Id == a.Id);
        Assert.Contains(warehouses!, w => w.Id == b.Id);
    }

    [Fact]
    public async Task A_binding_that_named_no_warehouse_yet_is_looked_up_again_once_its_warehouse_is_registered()
    {
        using var city = factory.CreateClient();
        var code = $"PD-L-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        var (other, _, material) = await city.TwoWarehousesAsync();
        using var keeper = factory.KeeperOf(code);

        // Its warehouse is not registered yet: the binding names none, so the keeper acts for no warehouse at all.
        using var before = await keeper.PostChangeAsync(other.Id, Receipt(material, 1, "L-0", Today.AddDays(100)));
        await before.AssertNotYoursAsync(other.Id.ToString(), code);
        var registered = await city.RegisterWarehouseAsync(code);
        using var own = await keeper.PostChangeAsync(registered.Id, Receipt(material, 3, "L-1", Today.AddDays(100)));
        using var after = await keeper.PostChangeAsync(other.Id, Receipt(material, 1, "L-2", Today.AddDays(100)));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(3, (await own.Content.ReadFromJsonAsync<StockChangeResponse>(Json))!.Balance.OnHand);
        // Once found, the binding still names its own warehouse only.
        await after.AssertNotYoursAsync(other.Id.ToString(), code);
        Assert.Empty(await city.LedgerAsync(other.Id, material));
    }
}
