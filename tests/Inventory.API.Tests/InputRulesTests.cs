using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using EmergencyOps.Testing;
using Inventory.API.Model;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

/// <summary>The inventory's reproductions from the input-hardening issue, and the limits that now hold.</summary>
public sealed class InputRulesTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    [Theory]
    [InlineData("1e309")]
    [InlineData("\"Infinity\"")]
    [InlineData("-1e309")]
    public async Task An_infinite_capacity_is_a_400_naming_capacity_and_nothing_is_stored(string capacity)
    {
        using var client = factory.CreateClient();
        var code = $"INF-{Guid.NewGuid():N}"[..16];
        var before = await WarehouseCountAsync(client);

        using var response = await PostJsonAsync(client, "/api/inventory/warehouses",
            $$"""{"code":"{{code}}","name":"无穷仓","tier":"street","districtCode":"310115","address":"上海市浦东新区张杨路1号","latitude":31.22,"longitude":121.54,"manager":"张库管","capacity":{{capacity}}}""");

        await response.FieldProblemAsync("capacity");
        Assert.Equal(before, await WarehouseCountAsync(client));
        using var list = await client.GetAsync("/api/inventory/warehouses");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain(code, await list.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2_000_000.0, "capacity")]
    [InlineData(0.0, "capacity")]
    [InlineData(-5.0, "capacity")]
    public async Task Capacity_is_bounded(double capacity, string field)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/inventory/warehouses",
            new RegisterWarehouseRequest("CAP-01", "仓", "street", "310115", "上海市浦东新区张杨路1号", 31.22, 121.54, "张库管", capacity), Json);
        await response.FieldProblemAsync(field);
    }

    [Theory]
    [InlineData(45.0, 121.54, "latitude")]
    [InlineData(31.22, 13.4, "longitude")]
    [InlineData(-91.0, 121.54, "latitude")]
    public async Task Coordinates_are_bounded_to_the_city(double latitude, double longitude, string field)
    {
        using var client = factory.CreateClient();
        using var response = await client.PostAsJsonAsync("/api/inventory/warehouses",
            new RegisterWarehouseRequest("GEO-01", "仓", "street", "310115", "上海市浦东新区张杨路1号", latitude, longitude, "张库管", 100), Json);
        await response.FieldProblemAsync(field);
    }

    [Fact]
    public async Task A_receipt_of_int_max_is_a_400_naming_quantity_and_nothing_is_stored()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("OVF-01");

        using var response = await client.PostChangeAsync(w.Id, Receipt("FC-SANDBAG", int.MaxValue));

        await response.FieldProblemAsync("quantity");
        Assert.Null(await client.BalanceAsync(w.Id, "FC-SANDBAG"));
        Assert.Empty(await client.LedgerAsync(w.Id, "FC-SANDBAG"));
    }

    [Theory]
    [InlineData("receipt", 1_000_001)]
    [InlineData("issue", 1_000_001)]
    [InlineData("adjustment", -1_000_001)]
    [InlineData("adjustment", int.MinValue)]
    public async Task The_quantity_of_one_change_is_bounded(string kind, int quantity)
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync($"QB-{Guid.NewGuid():N}"[..12]);

        using var response = await client.PostChangeAsync(w.Id, new StockChangeRequest(kind, "FC-SANDBAG", quantity, null, null, null, null, "count-correction", null, null));

        await response.FieldProblemAsync("quantity");
        Assert.Empty(await client.LedgerAsync(w.Id, "FC-SANDBAG"));
    }

    [Fact]
    public async Task No_receipt_adjustment_or_transfer_takes_a_balance_beyond_the_maximum()
    {
        using var client = factory.CreateClient();
        var full = await client.RegisterWarehouseAsync("MAX-FULL");
        var source = await client.RegisterWarehouseAsync("MAX-SRC");
        await client.ChangeAsync(full.Id, Receipt("LV-BED", 500));
        await client.ChangeAsync(source.Id, Receipt("LV-BED", 1000));
        // Reaching the maximum through the API takes a thousand receipts; the balance is set next to it directly.
        const int nearly = InventoryLimits.MaxBalance - 500;
        await factory.ExecuteAsync("UPDATE StockLevels SET OnHand = $n WHERE WarehouseId = $w AND MaterialCode = 'LV-BED'; UPDATE StockBatches SET Quantity = $n WHERE WarehouseId = $w AND MaterialCode = 'LV-BED';",
            ("$n", nearly), ("$w", ServiceDatabase.Key(full.Id)));

        using var receipt = await client.PostChangeAsync(full.Id, Receipt("LV-BED", 501));
        using var adjustment = await client.PostChangeAsync(full.Id, new StockChangeRequest("adjustment", "LV-BED", 1000, null, null, null, null, "found", "PD-01", null));

        var problem = await receipt.FieldProblemAsync("quantity", HttpStatusCode.Conflict);
        Assert.Equal(InventoryLimits.MaxBalance, problem.GetProperty("maxBalance").GetInt32());
        await adjustment.FieldProblemAsync("quantity", HttpStatusCode.Conflict);
        Assert.Equal(nearly, (await client.BalanceAsync(full.Id, "LV-BED"))!.OnHand);
        Assert.Single(await client.LedgerAsync(full.Id, "LV-BED"));

        using var created = await client.PostAsJsonAsync("/api/inventory/transfers", new CreateTransferRequest(source.Id, full.Id, "LV-BED", 1000, "补充"), Json);
        var transfer = (await created.Content.ReadFromJsonAsync<TransferResponse>(Json))!;
        (await client.PostAsync($"/api/inventory/transfers/{transfer.Id}/dispatch", null)).EnsureSuccessStatusCode();
        using var received = await client.PostAsJsonAsync($"/api/inventory/transfers/{transfer.Id}/receive", new ReceiveTransferRequest(null, null), Json);

        await received.FieldProblemAsync("received", HttpStatusCode.Conflict);
        Assert.Equal(TransferStatus.Dispatched, (await client.GetFromJsonAsync<TransferResponse>($"/api/inventory/transfers/{transfer.Id}", Json))!.Status);
        Assert.Equal(nearly, (await client.BalanceAsync(full.Id, "LV-BED"))!.OnHand);
        // Still in transit, nothing lost: it can go back.
        (await client.PostAsync($"/api/inventory/transfers/{transfer.Id}/cancel", null)).EnsureSuccessStatusCode();
        Assert.Equal(1000, (await client.BalanceAsync(source.Id, "LV-BED"))!.OnHand);

        // Receipts racing for the last room: exactly one fits.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            using var r = await client.PostChangeAsync(full.Id, Receipt("LV-BED", 300));
            return r.StatusCode;
        }));
        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.OK));
        Assert.All(answers, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, $"{s}"));
        Assert.Equal(nearly + 300, (await client.BalanceAsync(full.Id, "LV-BED"))!.OnHand);
    }

    [Fact]
    public async Task Concurrent_first_puts_of_one_norm_answer_200_or_409_and_leave_one_norm()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("NORM-RACE", district: "310112");

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var response = await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/LV-TENT", new SetNormRequest(100 + i, null), Json);
            if (response.StatusCode == HttpStatusCode.Conflict)
            {
                Assert.Equal(409, (await response.ProblemAsync()).GetProperty("status").GetInt32());
            }
            return response.StatusCode;
        }));

        Assert.All(answers, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.Conflict, $"{s}"));
        Assert.Contains(HttpStatusCode.OK, answers);
        var norms = await factory.QueryAsync("SELECT Minimum FROM ReserveNorms WHERE WarehouseId = $w AND MaterialCode = 'LV-TENT'", ("$w", ServiceDatabase.Key(w.Id)));
        Assert.Single(norms);
        var shortfalls = await client.GetFromJsonAsync<List<ShortfallResponse>>("/api/inventory/shortfalls?district=310112", Json);
        Assert.Single(shortfalls!, s => s.WarehouseId == w.Id && s.MaterialCode == "LV-TENT");
    }

    [Theory]
    [InlineData("/api/inventory/warehouses", """{"code":"E-1","name":"仓","tier":"42","districtCode":"310115","address":"路1号","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "tier")]
    [InlineData("/api/inventory/warehouses", """{"code":"E-2","name":"仓","tier":3,"districtCode":"310115","address":"路1号","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "tier")]
    [InlineData("/api/inventory/warehouses", """{"code":"E-3","name":"仓","tier":"castle","districtCode":"310115","address":"路1号","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "tier")]
    public async Task Integers_and_unknown_names_for_a_tier_are_refused(string path, string body, string field)
    {
        using var client = factory.CreateClient();
        var before = await WarehouseCountAsync(client);
        using var response = await PostJsonAsync(client, path, body);
        await response.FieldProblemAsync(field);
        Assert.Equal(before, await WarehouseCountAsync(client));
    }

    [Theory]
    [InlineData("\"42\"")]
    [InlineData("42")]
    [InlineData("\"writeOff\"")]
    [InlineData("\"transferIn\"")]
    public async Task Integers_and_undocumented_names_for_a_kind_are_refused(string kind)
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync($"K-{Guid.NewGuid():N}"[..12]);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inventory/warehouses/{w.Id}/stock-changes")
        {
            Content = new StringContent($$"""{"kind":{{kind}},"materialCode":"FC-SANDBAG","quantity":5}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());

        using var response = await client.SendAsync(request);

        await response.FieldProblemAsync("kind");
        Assert.Empty(await client.LedgerAsync(w.Id, "FC-SANDBAG"));
    }

    [Theory]
    [InlineData("42")]
    [InlineData("flood")]
    public async Task Integers_and_unknown_names_for_a_category_are_refused(string category)
    {
        using var client = factory.CreateClient();
        using var response = await client.PutAsJsonAsync("/api/inventory/materials/XX-ENUM", new Apis.MaterialRequest("测试", category, "个", null, false), Json);
        await response.FieldProblemAsync("category");
        Assert.DoesNotContain(await client.GetFromJsonAsync<List<Material>>("/api/inventory/materials", Json) ?? [], m => m.Code == "XX-ENUM");
    }

    [Fact]
    public async Task Categories_are_the_names_the_catalogue_writes()
    {
        using var client = factory.CreateClient();
        using var response = await client.PutAsJsonAsync("/api/inventory/materials/FC-BARRIER", new Apis.MaterialRequest("防汛挡板", "floodControl", "块", null, false), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var listed = JsonDocument.Parse(await client.GetStringAsync("/api/inventory/materials")).RootElement.EnumerateArray().Single(m => m.GetProperty("code").GetString() == "FC-BARRIER");
        Assert.Equal("floodControl", listed.GetProperty("category").GetString());
    }

    public static TheoryData<string, string> UnknownFilters => new()
    {
        { "/api/inventory/warehouses?district=999999", "district" },
        { "/api/inventory/warehouses?district=310115x", "district" },
        { "/api/inventory/warehouses?tier=42", "tier" },
        { "/api/inventory/warehouses?tier=castle", "tier" },
        { "/api/inventory/warehouses/{id}/ledger?material=NO-SUCH", "material" },
        { "/api/inventory/warehouses/{id}/ledger?kind=42", "kind" },
        { "/api/inventory/warehouses/{id}/ledger?kind=borrow", "kind" },
        { "/api/inventory/warehouses/{id}/ledger?pageIndex=2147483647", "pageIndex" },
        { "/api/inventory/warehouses/{id}/ledger?pageIndex=-1", "pageIndex" },
        { "/api/inventory/warehouses/{id}/ledger?pageSize=500", "pageSize" },
        { "/api/inventory/warehouses/{id}/ledger?pageSize=0", "pageSize" },
        { "/api/inventory/warehouses/{id}/balances?material=NO-SUCH", "material" },
        { "/api/inventory/transfers?status=lost", "status" },
        { "/api/inventory/transfers?status=1", "status" },
        { "/api/inventory/shortfalls?district=abc", "district" },
        { "/api/inventory/materials/MD-FIRSTAID/totals?district=999999", "district" },
        { "/api/inventory/materials/MD-FIRSTAID/nearest?lon=121.47", "lat" },
        { "/api/inventory/materials/MD-FIRSTAID/nearest?lat=91&lon=121.47", "lat" },
        { "/api/inventory/materials/MD-FIRSTAID/nearest?lat=NaN&lon=121.47", "lat" },
        { "/api/inventory/materials/MD-FIRSTAID/nearest?lat=31.23&lon=181", "lon" },
        { "/api/inventory/materials/MD-FIRSTAID/nearest?lat=31.23&lon=Infinity", "lon" },
        { "/api/inventory/materials/MD-FIRSTAID/nearest?lat=31.23&lon=121.47&quantity=0", "quantity" },
        { "/api/inventory/materials/MD-FIRSTAID/nearest?lat=31.23&lon=121.47&quantity=2000000", "quantity" },
        { "/api/inventory/materials/MD-FIRSTAID/nearest?lat=31.23&lon=121.47&quantity=x", "quantity" },
        { "/api/inventory/materials/MD-FIRSTAID/nearest?lat=31.23&lon=121.47&limit=51", "limit" },
        { "/api/inventory/batches/expiring?days=-1", "days" },
        { "/api/inventory/batches/expiring?days=3651", "days" },
        { "/api/inventory/batches/expiring?days=99999999999", "days" },
    };

    [Theory]
    [MemberData(nameof(UnknownFilters))]
    public async Task Unknown_or_out_of_range_filters_are_400s_naming_the_parameter(string url, string parameter)
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync($"F-{Guid.NewGuid():N}"[..12]);

        using var response = await client.GetAsync(url.Replace("{id}", w.Id.ToString(), StringComparison.Ordinal));

        await response.FieldProblemAsync(parameter);
    }

    [Theory]
    [InlineData("/api/inventory/warehouses?district=310115&tier=street")]
    [InlineData("/api/inventory/warehouses?tier=District")]
    [InlineData("/api/inventory/warehouses/{id}/ledger?material=FC-SANDBAG&kind=write-off&pageIndex=0&pageSize=200")]
    [InlineData("/api/inventory/warehouses/{id}/ledger?kind=writeOff")]
    [InlineData("/api/inventory/warehouses/{id}/ledger?kind=transfer-in")]
    [InlineData("/api/inventory/transfers?status=dispatched")]
    [InlineData("/api/inventory/shortfalls?district=310115")]
    [InlineData("/api/inventory/materials/MD-FIRSTAID/nearest?lat=31.23&lon=121.47&quantity=1000000&limit=50")]
    [InlineData("/api/inventory/batches/expiring?days=0")]
    public async Task Known_filters_still_answer(string url)
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync($"F-{Guid.NewGuid():N}"[..12]);

        using var response = await client.GetAsync(url.Replace("{id}", w.Id.ToString(), StringComparison.Ordinal));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static TheoryData<string, string> BadTexts => new()
    {
        { """{"code":"A\u0000B","name":"仓","tier":"street","districtCode":"310115","address":"路1号","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "code" },
        { """{"code":"\u200B\u200B","name":"仓","tier":"street","districtCode":"310115","address":"路1号","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "code" },
        { """{"code":"T-1","name":"\u200B","tier":"street","districtCode":"310115","address":"路1号","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "name" },
        { """{"code":"T-2","name":"仓\u0007库","tier":"street","districtCode":"310115","address":"路1号","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "name" },
        { """{"code":"T-3","name":"仓","tier":"street","districtCode":"310115","address":"路1号\n2楼","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "address" },
        { """{"code":"T-4","name":"仓","tier":"street","districtCode":"310115","address":"路1号","latitude":31.22,"longitude":121.54,"manager":"\u00A0 ","capacity":10}""", "manager" },
        { $$"""{"code":"T-5","name":"{{new string('仓', 201)}}","tier":"street","districtCode":"310115","address":"路1号","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "name" },
        { $$"""{"code":"{{new string('C', 41)}}","name":"仓","tier":"street","districtCode":"310115","address":"路1号","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "code" },
        { $$"""{"code":"T-6","name":"仓","tier":"street","districtCode":"310115","address":"{{new string('路', 401)}}","latitude":31.22,"longitude":121.54,"manager":"张","capacity":10}""", "address" },
    };

    [Theory]
    [MemberData(nameof(BadTexts))]
    public async Task Control_characters_blank_and_overlong_names_and_codes_are_refused(string body, string field)
    {
        using var client = factory.CreateClient();
        var before = await WarehouseCountAsync(client);
        using var response = await PostJsonAsync(client, "/api/inventory/warehouses", body);
        await response.FieldProblemAsync(field);
        Assert.Equal(before, await WarehouseCountAsync(client));
    }

    public static TheoryData<StockChangeRequest, string> BadChanges => new()
    {
        { new("receipt", "LV-WATER", 5, "W-1", new DateOnly(1, 1, 1), null, null, null, null, null), "expiry" },
        { new("receipt", "LV-WATER", 5, "W-1", new DateOnly(2101, 1, 1), null, null, null, null, null), "expiry" },
        { new("rotation", "LV-WATER", 5, "W-1", null, "W-2", new DateOnly(9999, 12, 31), "轮换", null, null), "newExpiry" },
        { new("receipt", "LV-WATER", 5, "\u200B", new DateOnly(2027, 1, 1), null, null, null, null, null), "batch" },
        { new("receipt", "LV-WATER", 5, new string('B', 61), new DateOnly(2027, 1, 1), null, null, null, null, null), "batch" },
        { new("receipt", "FC-SANDBAG", 5, null, null, null, null, new string('理', 401), null, null), "reason" },
        { new("receipt", "FC-SANDBAG", 5, null, null, null, null, null, "RK\t01", null), "voucherReference" },
        { new("receipt", new string('M', 41), 5, null, null, null, null, null, null, null), "materialCode" },
        { new("write-off", "FC-SANDBAG", 5, null, null, null, null, "\u200B\u2060", null, null), "reason" },
    };

    [Theory]
    [MemberData(nameof(BadChanges))]
    public async Task Dates_and_texts_of_a_stock_change_are_bounded(StockChangeRequest change, string field)
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync($"D-{Guid.NewGuid():N}"[..12]);
        await client.ChangeAsync(w.Id, Receipt("FC-SANDBAG", 10));

        using var response = await client.PostChangeAsync(w.Id, change);

        await response.FieldProblemAsync(field);
        Assert.Single(await client.LedgerAsync(w.Id, "FC-SANDBAG"));
        Assert.Null(await client.BalanceAsync(w.Id, "LV-WATER"));
    }

    [Fact]
    public async Task Transfer_reasons_and_norms_are_bounded()
    {
        using var client = factory.CreateClient();
        var (a, b) = (await client.RegisterWarehouseAsync("TB-A"), await client.RegisterWarehouseAsync("TB-B"));

        using var reason = await client.PostAsJsonAsync("/api/inventory/transfers", new CreateTransferRequest(a.Id, b.Id, "LV-TENT", 5, new string('因', 401)), Json);
        using var quantity = await client.PostAsJsonAsync("/api/inventory/transfers", new CreateTransferRequest(a.Id, b.Id, "LV-TENT", 1_000_001, null), Json);
        using var norm = await client.PutAsJsonAsync($"/api/inventory/warehouses/{a.Id}/norms/LV-TENT", new SetNormRequest(InventoryLimits.MaxBalance + 1, null), Json);
        using var margin = await client.PutAsJsonAsync($"/api/inventory/warehouses/{a.Id}/norms/LV-TENT", new SetNormRequest(10, -1), Json);
        using var reserve = await client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(Guid.NewGuid(), a.Id, "LV-TENT", 1_000_001), Json);

        await reason.FieldProblemAsync("reason");
        await quantity.FieldProblemAsync("quantity");
        await norm.FieldProblemAsync("minimum");
        await margin.FieldProblemAsync("recoveryMargin");
        await reserve.FieldProblemAsync("quantity");
        Assert.DoesNotContain(await client.GetFromJsonAsync<List<TransferResponse>>("/api/inventory/transfers", Json) ?? [], t => t.FromWarehouseId == a.Id);
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    private static async Task<int> WarehouseCountAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/inventory/warehouses", Json)).GetArrayLength();
}
