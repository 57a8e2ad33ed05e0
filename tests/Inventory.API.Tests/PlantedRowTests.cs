using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using Inventory.API.Model;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

/// <summary>
/// Rows that builds before the input rules could store (∞, control characters, numbers for enum names, dates such as
/// 0001-01-01, balances at the 32-bit limit), planted directly in each table that feeds a list: every list and query
/// reading the table still answers 200 with a body that parses to the end and still shows the row.
/// </summary>
public sealed class PlantedRowTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_warehouse_with_infinite_capacity_control_characters_and_a_numeric_tier()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PL-WH", district: "310105", lat: 31.2200, lon: 121.4200);
        await client.ChangeAsync(w.Id, Receipt("MD-FIRSTAID", 30, "FA-PL", Today.AddDays(5)));
        (await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/MD-FIRSTAID", new SetNormRequest(100, null), Json)).EnsureSuccessStatusCode();

        await factory.ExecuteAsync(
            "UPDATE Warehouses SET Capacity = 1e999, Name = 'a' || char(1) || 'b', Address = char(27) || '路', Manager = '张' || char(0), Tier = '42' WHERE Id = $id",
            ("$id", ServiceDatabase.Key(w.Id)));

        var id = w.Id.ToString();
        await AssertListsAsync(client, id,
            "/api/inventory/warehouses", "/api/inventory/warehouses?district=310105", $"/api/inventory/warehouses/{w.Id}",
            "/api/inventory/shortfalls", "/api/inventory/shortfalls?district=310105",
            "/api/inventory/materials/MD-FIRSTAID/nearest?lat=31.22&lon=121.42", "/api/inventory/batches/expiring?days=30");
        await AssertListsAsync(client, "MD-FIRSTAID", "/api/inventory/materials/MD-FIRSTAID/totals?district=310105", $"/api/inventory/warehouses/{w.Id}/balances");
        var body = await client.GetStringAsync($"/api/inventory/warehouses/{w.Id}");
        var listed = JsonDocument.Parse(body).RootElement;
        // ∞ cannot be written as JSON: the value is left out (or null), never a cut-short response.
        Assert.False(listed.TryGetProperty("capacity", out var capacity) && capacity.ValueKind == JsonValueKind.Number, body);
        Assert.Equal("a\u0001b", listed.GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_material_with_control_characters_and_a_numeric_category()
    {
        using var client = factory.CreateClient();
        (await client.PutAsJsonAsync("/api/inventory/materials/PL-MAT", new Apis.MaterialRequest("种植", "rescue", "个", null, false), Json)).EnsureSuccessStatusCode();
        var w = await client.RegisterWarehouseAsync("PL-MAT-W");
        await client.ChangeAsync(w.Id, Receipt("PL-MAT", 5));

        await factory.ExecuteAsync("UPDATE Materials SET Name = 'n' || char(2), Unit = char(31) || 'u', Category = '42' WHERE Code = 'PL-MAT'");

        await AssertListsAsync(client, "PL-MAT",
            "/api/inventory/materials", $"/api/inventory/warehouses/{w.Id}/balances", $"/api/inventory/warehouses/{w.Id}/balances?material=PL-MAT",
            "/api/inventory/materials/PL-MAT/totals");
    }

    [Fact]
    public async Task Stock_levels_at_the_32_bit_limit_in_several_warehouses()
    {
        using var client = factory.CreateClient();
        var (a, b) = (await client.RegisterWarehouseAsync("PL-LV-A", district: "310106"), await client.RegisterWarehouseAsync("PL-LV-B", district: "310106"));
        await client.ChangeAsync(a.Id, Receipt("RS-BOAT", 2));
        await client.ChangeAsync(b.Id, Receipt("RS-BOAT", 3));
        (await client.PutAsJsonAsync($"/api/inventory/warehouses/{a.Id}/norms/RS-BOAT", new SetNormRequest(5, null), Json)).EnsureSuccessStatusCode();

        // What the start-up repair leaves of a balance beyond 32 bits: int.MaxValue, which two warehouses overflow when summed.
        await factory.ExecuteAsync("UPDATE StockLevels SET OnHand = 2147483647 WHERE MaterialCode = 'RS-BOAT'");

        await AssertListsAsync(client, a.Id.ToString(), "/api/inventory/materials/RS-BOAT/nearest?lat=31.22&lon=121.54");
        await AssertListsAsync(client, "RS-BOAT", $"/api/inventory/warehouses/{a.Id}/balances", "/api/inventory/materials/RS-BOAT/totals", "/api/inventory/materials/RS-BOAT/totals?district=310106");
        var totals = await client.GetFromJsonAsync<MaterialTotal>("/api/inventory/materials/RS-BOAT/totals?district=310106", Json);
        Assert.Equal(2L * int.MaxValue, totals!.OnHand);
        // And a later change of that material is refused, not overflowed.
        using var receipt = await client.PostChangeAsync(a.Id, Receipt("RS-BOAT", 1));
        Assert.Equal(HttpStatusCode.Conflict, receipt.StatusCode);
        Assert.True((await receipt.ProblemAsync()).GetProperty("errors").TryGetProperty("quantity", out _));
    }

    [Fact]
    public async Task A_batch_with_control_characters_and_an_expiry_of_year_one()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PL-BATCH");
        await client.ChangeAsync(w.Id, Receipt("LV-WATER", 12, "W-PL", Today.AddDays(200)));

        await factory.ExecuteAsync("UPDATE StockBatches SET Batch = 'W' || char(1) || 'PL', Expiry = '0001-01-01' WHERE WarehouseId = $id",
            ("$id", ServiceDatabase.Key(w.Id)));

        await AssertListsAsync(client, "W\\u0001PL", $"/api/inventory/warehouses/{w.Id}/balances", "/api/inventory/batches/expiring?days=0");
        var expiring = JsonDocument.Parse(await client.GetStringAsync("/api/inventory/batches/expiring?days=0")).RootElement;
        Assert.Contains(expiring.EnumerateArray(), b => b.GetProperty("warehouseId").GetGuid() == w.Id && b.GetProperty("expiry").GetString() == "0001-01-01");
    }

    [Fact]
    public async Task Ledger_entries_with_control_characters_a_numeric_kind_and_an_expiry_of_year_one()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PL-LEDGER");
        var change = await client.ChangeAsync(w.Id, Receipt("LV-FOOD", 7, "F-PL", Today.AddDays(100)));

        await factory.ExecuteAsync(
            "UPDATE Ledger SET Reason = 'r' || char(1), VoucherReference = char(127), Actor = 'a' || char(0) || 'b', Kind = '42', Batch = 'F' || char(8), Expiry = '0001-01-01' WHERE WarehouseId = $id",
            ("$id", ServiceDatabase.Key(w.Id)));

        await AssertListsAsync(client, change.ChangeId.ToString(),
            $"/api/inventory/warehouses/{w.Id}/ledger", $"/api/inventory/warehouses/{w.Id}/ledger?material=LV-FOOD&pageSize=200");
    }

    [Fact]
    public async Task A_norm_at_the_32_bit_limit()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PL-NORM", district: "310107");
        await client.ChangeAsync(w.Id, Receipt("LV-BLANKET", 10));
        (await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/LV-BLANKET", new SetNormRequest(5, null), Json)).EnsureSuccessStatusCode();

        await factory.ExecuteAsync("UPDATE ReserveNorms SET Minimum = 2147483647, RecoveryMargin = 2147483647, InShortfall = 1, ShortSince = '0001-01-01 00:00:00' WHERE WarehouseId = $id",
            ("$id", ServiceDatabase.Key(w.Id)));

        await AssertListsAsync(client, w.Id.ToString(), "/api/inventory/shortfalls", "/api/inventory/shortfalls?district=310107");
        // Evaluating the norm after a change does not overflow minimum + margin.
        await client.ChangeAsync(w.Id, Receipt("LV-BLANKET", 1));
        await AssertListsAsync(client, w.Id.ToString(), "/api/inventory/shortfalls?district=310107");
    }

    [Fact]
    public async Task A_transfer_with_control_characters_and_an_unknown_status()
    {
        using var client = factory.CreateClient();
        var (a, b) = (await client.RegisterWarehouseAsync("PL-TR-A"), await client.RegisterWarehouseAsync("PL-TR-B"));
        using var created = await client.PostAsJsonAsync("/api/inventory/transfers", new CreateTransferRequest(a.Id, b.Id, "LV-TENT", 3, "调拨"), Json);
        var transfer = (await created.Content.ReadFromJsonAsync<TransferResponse>(Json))!;

        await factory.ExecuteAsync("UPDATE Transfers SET Reason = 'r' || char(1), ShortReason = char(2), Status = '42' WHERE Id = $id",
            ("$id", ServiceDatabase.Key(transfer.Id)));

        await AssertListsAsync(client, transfer.Id.ToString(), "/api/inventory/transfers", $"/api/inventory/transfers/{transfer.Id}");
    }

    [Fact]
    public async Task A_reservation_with_control_characters()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PL-RES");
        await client.ChangeAsync(w.Id, Receipt("LV-TENT", 10));
        var warning = await factory.OpenWarningAsync();
        using var made = await client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(warning, w.Id, "LV-TENT", 4), Json);
        var reservation = (await made.Content.ReadFromJsonAsync<ReservationResponse>(Json))!;

        await factory.ExecuteAsync("UPDATE Reservations SET MaterialCode = 'LV' || char(1) || 'TENT' WHERE Id = $id", ("$id", ServiceDatabase.Key(reservation.Id)));

        await AssertListsAsync(client, reservation.Id.ToString(), "/api/inventory/reservations", $"/api/inventory/reservations?warningId={warning}");
    }

    /// <summary>Each URL answers 200 with JSON that parses to the end and contains <paramref name="expected"/>.</summary>
    private static async Task AssertListsAsync(HttpClient client, string expected, params string[] urls)
    {
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url);
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {body}");
            using var parsed = JsonDocument.Parse(body);
            Assert.True(body.Contains(expected, StringComparison.Ordinal), $"{url} does not show {expected}: {body}");
        }
    }
}
