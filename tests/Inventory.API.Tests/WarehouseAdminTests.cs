using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Testing;
using Inventory.API.Model;
using Microsoft.Extensions.Logging;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

/// <summary>Administrators correct and delete warehouses; every change is logged with its actor and kept in WarehouseChanges.</summary>
public sealed class WarehouseAdminTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    private const string Admin = "admin-wang";

    [Fact]
    public async Task A_correction_is_checked_like_a_registration_applied_and_logged_with_the_actor()
    {
        using var client = AdminClient();
        var w = await client.RegisterWarehouseAsync("ADM-PUT", district: "310115");
        var correction = new CorrectWarehouseRequest("花木街道储备点(新址)", "street", "310104", "上海市徐汇区漕溪北路1号", 31.19, 121.44, "李红梅", 800);

        using var response = await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}", correction, Json);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var corrected = await client.GetFromJsonAsync<WarehouseResponse>($"/api/inventory/warehouses/{w.Id}", Json);
        Assert.Equal(("ADM-PUT", "花木街道储备点(新址)", "310104", 800.0, "李红梅"), (corrected!.Code, corrected.Name, corrected.DistrictCode, corrected.Capacity, corrected.Manager));
        Assert.Contains(await client.GetFromJsonAsync<List<WarehouseResponse>>("/api/inventory/warehouses?district=310104", Json) ?? [], x => x.Id == w.Id);
        var change = Assert.Single(await ChangesAsync(w.Id));
        Assert.Equal(("Corrected", Admin), (change.Kind, change.Actor));
        Assert.Contains("capacity: 500 → 800", change.Changes, StringComparison.Ordinal);
        Assert.Contains("districtCode: \"310115\" → \"310104\"", change.Changes, StringComparison.Ordinal);
        Assert.DoesNotContain("tier", change.Changes, StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Lines, l => l.Level == LogLevel.Information && l.Message.Contains("ADM-PUT", StringComparison.Ordinal)
            && l.Message.Contains(Admin, StringComparison.Ordinal) && l.Message.Contains("capacity: 500 → 800", StringComparison.Ordinal));

        // The same body again changes nothing, and logs nothing.
        using var again = await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}", correction, Json);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Single(await ChangesAsync(w.Id));
    }

    [Theory]
    [InlineData("\u200B", "street", "310115", 31.22, 121.54, 500.0, "name")]
    [InlineData("仓", "castle", "310115", 31.22, 121.54, 500.0, "tier")]
    [InlineData("仓", "street", "999999", 31.22, 121.54, 500.0, "districtCode")]
    [InlineData("仓", "street", "310115", 39.9, 116.4, 500.0, "latitude")]
    [InlineData("仓", "street", "310115", 31.22, 121.54, 0.0, "capacity")]
    [InlineData("仓", "street", "310115", 31.22, 121.54, 5_000_000.0, "capacity")]
    public async Task An_invalid_correction_is_a_400_naming_the_field_and_changes_nothing(
        string name, string tier, string district, double latitude, double longitude, double capacity, string field)
    {
        using var client = AdminClient();
        var w = await client.RegisterWarehouseAsync($"ADM-{Guid.NewGuid():N}"[..14]);

        using var response = await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}",
            new CorrectWarehouseRequest(name, tier, district, "上海市浦东新区张杨路1号", latitude, longitude, "张库管", capacity), Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Equal(w, await client.GetFromJsonAsync<WarehouseResponse>($"/api/inventory/warehouses/{w.Id}", Json));
        Assert.Empty(await ChangesAsync(w.Id));
    }

    [Fact]
    public async Task Unknown_warehouses_are_404s()
    {
        using var client = AdminClient();
        using var put = await client.PutAsJsonAsync($"/api/inventory/warehouses/{Guid.NewGuid()}",
            new CorrectWarehouseRequest("仓", "street", "310115", "上海市浦东新区张杨路1号", 31.22, 121.54, "张库管", 10), Json);
        using var delete = await client.DeleteAsync($"/api/inventory/warehouses/{Guid.NewGuid()}");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (put.StatusCode, delete.StatusCode));
    }

    [Fact]
    public async Task A_warehouse_holding_stock_reservations_or_transfers_in_progress_cannot_be_deleted()
    {
        using var client = AdminClient();
        var (a, b) = (await client.RegisterWarehouseAsync("ADM-DEL-A"), await client.RegisterWarehouseAsync("ADM-DEL-B"));
        await client.ChangeAsync(a.Id, Receipt("LV-TENT", 50));
        using var reserved = await client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(await factory.OpenWarningAsync(), a.Id, "LV-TENT", 10), Json);
        var reservation = (await reserved.Content.ReadFromJsonAsync<ReservationResponse>(Json))!;
        using var created = await client.PostAsJsonAsync("/api/inventory/transfers", new CreateTransferRequest(a.Id, b.Id, "LV-TENT", 40, "调拨"), Json);
        var transfer = (await created.Content.ReadFromJsonAsync<TransferResponse>(Json))!;

        using var holding = await client.DeleteAsync($"/api/inventory/warehouses/{a.Id}");
        using var receiving = await client.DeleteAsync($"/api/inventory/warehouses/{b.Id}");

        Assert.Equal(HttpStatusCode.Conflict, holding.StatusCode);
        var problem = await holding.ProblemAsync();
        Assert.Equal("LV-TENT", problem.GetProperty("stock")[0].GetProperty("materialCode").GetString());
        Assert.Equal(reservation.Id, problem.GetProperty("reservations")[0].GetGuid());
        Assert.Equal(transfer.Id, problem.GetProperty("transfers")[0].GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, receiving.StatusCode);
        Assert.Equal(transfer.Id, (await receiving.ProblemAsync()).GetProperty("transfers")[0].GetGuid());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/inventory/warehouses/{a.Id}")).StatusCode);
        Assert.Empty(await ChangesAsync(a.Id));
    }

    [Fact]
    public async Task A_deleted_warehouse_leaves_every_list_answers_404_keeps_its_ledger_and_its_code()
    {
        using var client = AdminClient();
        var w = await client.RegisterWarehouseAsync("ADM-GONE", district: "310113");
        await client.ChangeAsync(w.Id, Receipt("FC-SANDBAG", 30));
        (await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/FC-SANDBAG", new SetNormRequest(100, null), Json)).EnsureSuccessStatusCode();
        await client.ChangeAsync(w.Id, Issue("FC-SANDBAG", 30));
        Assert.Contains(await client.GetFromJsonAsync<List<ShortfallResponse>>("/api/inventory/shortfalls?district=310113", Json) ?? [], s => s.WarehouseId == w.Id);

        using var deleted = await client.DeleteAsync($"/api/inventory/warehouses/{w.Id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/inventory/warehouses/{w.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/inventory/warehouses/{w.Id}/balances")).StatusCode);
        Assert.DoesNotContain(await client.GetFromJsonAsync<List<WarehouseResponse>>("/api/inventory/warehouses", Json) ?? [], x => x.Id == w.Id);
        Assert.DoesNotContain(await client.GetFromJsonAsync<List<ShortfallResponse>>("/api/inventory/shortfalls", Json) ?? [], s => s.WarehouseId == w.Id);
        using (var receipt = await client.PostChangeAsync(w.Id, Receipt("FC-SANDBAG", 1)))
        {
            Assert.Equal(HttpStatusCode.NotFound, receipt.StatusCode);
        }
        using (var norm = await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/FC-SANDBAG", new SetNormRequest(1, null), Json))
        {
            Assert.Equal(HttpStatusCode.NotFound, norm.StatusCode);
        }
        using (var correction = await client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}",
            new CorrectWarehouseRequest("仓", "street", "310113", "上海市宝山区1号", 31.40, 121.48, "张", 10), Json))
        {
            Assert.Equal(HttpStatusCode.NotFound, correction.StatusCode);
        }
        using (var transfer = await client.PostAsJsonAsync("/api/inventory/transfers", new CreateTransferRequest(w.Id, Guid.NewGuid(), "FC-SANDBAG", 1, null), Json))
        {
            Assert.True((await transfer.ProblemAsync()).GetProperty("errors").TryGetProperty("fromWarehouseId", out _));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/inventory/warehouses/{w.Id}")).StatusCode);

        // The ledger is append-only: the deleted warehouse's history stays readable.
        Assert.Equal([30, -30], (await client.LedgerAsync(w.Id, "FC-SANDBAG")).Select(e => e.Delta).Reverse());
        // Its code is not given to another warehouse, so old vouchers stay unambiguous.
        using var reuse = await client.PostAsJsonAsync("/api/inventory/warehouses",
            new RegisterWarehouseRequest("ADM-GONE", "新仓", "street", "310113", "上海市宝山区1号", 31.40, 121.48, "张", 10), Json);
        Assert.Equal(HttpStatusCode.Conflict, reuse.StatusCode);
        Assert.Contains("deleted", (await reuse.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var change = Assert.Single(await ChangesAsync(w.Id));
        Assert.Equal(("Deleted", Admin), (change.Kind, change.Actor));
        Assert.Contains("\"ADM-GONE\"", change.Changes, StringComparison.Ordinal);
        Assert.Contains(factory.Logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("ADM-GONE", StringComparison.Ordinal) && l.Message.Contains(Admin, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deletion_racing_with_receipts_never_leaves_stock_in_a_deleted_warehouse()
    {
        using var client = AdminClient();
        var w = await client.RegisterWarehouseAsync("ADM-RACE");

        var receipts = Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await client.PostChangeAsync(w.Id, Receipt("LV-BED", 2));
            return response.StatusCode;
        }).ToList();
        using var delete = await client.DeleteAsync($"/api/inventory/warehouses/{w.Id}");
        var answers = await Task.WhenAll(receipts);

        Assert.All(answers, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{s}"));
        var ledger = await client.LedgerAsync(w.Id, "LV-BED");
        Assert.Equal(2 * answers.Count(s => s == HttpStatusCode.OK), ledger.Sum(e => e.Delta));
        if (delete.StatusCode == HttpStatusCode.NoContent)
        {
            Assert.Empty(ledger);
            Assert.All(answers, s => Assert.Equal(HttpStatusCode.NotFound, s));
        }
        else
        {
            Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
            await client.AssertBalanceEqualsLedgerAsync(w.Id, "LV-BED");
        }
    }

    private HttpClient AdminClient()
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Development-User", Admin);
        return client;
    }

    private async Task<List<(string Kind, string Actor, string Changes)>> ChangesAsync(Guid warehouse) =>
        [.. (await factory.QueryAsync("SELECT Kind, Actor, Changes FROM WarehouseChanges WHERE WarehouseId = $w ORDER BY Id", ("$w", ServiceDatabase.Key(warehouse))))
            .Select(r => ((string)r[0]!, (string)r[1]!, (string)r[2]!))];
}
