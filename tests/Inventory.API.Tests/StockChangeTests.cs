using EmergencyOps.Testing;
using System.Net;
using System.Net.Http.Json;
using Inventory.API.Model;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

public sealed class StockChangeTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    [Fact]
    public async Task A_receipt_answers_with_its_ledger_entry_and_the_new_balance()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PD-ST-01");

        var answer = await client.ChangeAsync(w.Id, Receipt("FC-SANDBAG", 500));

        var entry = Assert.Single(answer.Entries);
        Assert.Equal((LedgerKind.Receipt, 500, 500, "RK-2026-001"), (entry.Kind, entry.Delta, entry.BalanceAfter, entry.VoucherReference));
        Assert.Equal((500, 0, 500), (answer.Balance.OnHand, answer.Balance.Reserved, answer.Balance.Available));
        Assert.Equal("条", answer.Balance.Unit);
    }

    [Fact]
    public async Task The_same_key_returns_the_same_answer_and_changes_nothing_another_body_is_a_422()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PD-ST-02");
        var key = Guid.NewGuid().ToString();

        using var first = await client.PostChangeAsync(w.Id, Receipt("LV-BLANKET", 40), key);
        using var retry = await client.PostChangeAsync(w.Id, Receipt("LV-BLANKET", 40), key);
        using var reused = await client.PostChangeAsync(w.Id, Receipt("LV-BLANKET", 41), key);

        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Equal(40, (await client.BalanceAsync(w.Id, "LV-BLANKET"))!.OnHand);
        Assert.Single(await client.LedgerAsync(w.Id, "LV-BLANKET"));
    }

    [Fact]
    public async Task Concurrent_duplicates_with_one_key_are_applied_once()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PD-ST-03");
        var key = Guid.NewGuid().ToString();

        var bodies = await Task.WhenAll(Enumerable.Range(0, 10).Select(async _ =>
        {
            using var response = await client.PostChangeAsync(w.Id, Receipt("LV-BED", 7), key);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }));

        Assert.Single(bodies.Distinct());
        Assert.Equal(7, (await client.BalanceAsync(w.Id, "LV-BED"))!.OnHand);
    }

    [Fact]
    public async Task A_change_without_an_idempotency_key_is_a_400()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PD-ST-04");

        using var response = await client.PostAsJsonAsync($"/api/inventory/warehouses/{w.Id}/stock-changes", Receipt("LV-BED", 1), Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Idempotency-Key", (await response.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Null(await client.BalanceAsync(w.Id, "LV-BED"));
    }

    [Fact]
    public async Task An_issue_beyond_the_stock_is_a_409_with_the_available_quantity_and_writes_nothing()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PD-ST-05");
        await client.ChangeAsync(w.Id, Receipt("RS-LIFEJACKET", 30, "LJ-2026-01", new DateOnly(2030, 6, 1)));

        using var response = await client.PostChangeAsync(w.Id, Issue("RS-LIFEJACKET", 31));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(30, problem.GetProperty("available").GetInt32());
        Assert.Equal(31, problem.GetProperty("requested").GetInt32());
        Assert.Equal(30, (await client.BalanceAsync(w.Id, "RS-LIFEJACKET"))!.OnHand);
        Assert.Single(await client.LedgerAsync(w.Id, "RS-LIFEJACKET"));
    }

    [Fact]
    public async Task Issues_take_the_earliest_expiring_batch_first_and_split_across_batches()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PD-ST-06");
        await client.ChangeAsync(w.Id, Receipt("LV-WATER", 100, "W-LATE", new DateOnly(2027, 9, 1)));
        await client.ChangeAsync(w.Id, Receipt("LV-WATER", 100, "W-EARLY", new DateOnly(2027, 1, 15)));
        await client.ChangeAsync(w.Id, Receipt("LV-WATER", 100, "W-MIDDLE", new DateOnly(2027, 5, 1)));

        var answer = await client.ChangeAsync(w.Id, Issue("LV-WATER", 150));

        Assert.Equal([("W-EARLY", -100), ("W-MIDDLE", -50)], answer.Entries.Select(e => (e.Batch, e.Delta)));
        Assert.Equal([("W-MIDDLE", 50), ("W-LATE", 100)], answer.Balance.Batches.Select(b => (b.Batch, b.Quantity)));
        Assert.Single(answer.Entries.Select(e => e.ChangeId).Distinct());

        var named = await client.ChangeAsync(w.Id, Issue("LV-WATER", 10, "W-LATE"));
        Assert.Equal("W-LATE", Assert.Single(named.Entries).Batch);
        await client.AssertBalanceEqualsLedgerAsync(w.Id, "LV-WATER");
    }

    [Fact]
    public async Task An_issue_split_across_batches_states_the_balance_after_each_entry_in_order()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PD-ST-BAL");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await client.ChangeAsync(w.Id, Receipt("LV-WATER", 10, "B", today.AddDays(20)));
        await client.ChangeAsync(w.Id, Receipt("LV-WATER", 10, "C", today.AddDays(60)));

        var answer = await client.ChangeAsync(w.Id, Issue("LV-WATER", 15));

        Assert.Equal([("B", -10, 10), ("C", -5, 5)], answer.Entries.Select(e => (e.Batch, e.Delta, e.BalanceAfter)));
        var ledger = await client.LedgerAsync(w.Id, "LV-WATER");
        Assert.Equal([("C", -5, 5), ("B", -10, 10), ("C", 10, 20), ("B", 10, 10)], ledger.Select(e => (e.Batch, e.Delta, e.BalanceAfter)));
        Assert.Equal(5, answer.Balance.OnHand);
    }

    [Fact]
    public async Task Adjustments_rotations_and_write_offs_keep_the_balance_equal_to_the_ledger()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PD-ST-07");
        await client.ChangeAsync(w.Id, Receipt("LV-FOOD", 200, "F-2026-03", new DateOnly(2026, 12, 20)));

        await client.ChangeAsync(w.Id, new StockChangeRequest("adjustment", "LV-FOOD", -4, "F-2026-03", null, null, null, "damaged", "PD-2026-11", null));
        var rotation = await client.ChangeAsync(w.Id, new StockChangeRequest("rotation", "LV-FOOD", 150, "F-2026-03", null, "F-2026-11", new DateOnly(2027, 11, 1), "轮换", "LH-01", null));
        await client.ChangeAsync(w.Id, new StockChangeRequest("write-off", "LV-FOOD", 46, "F-2026-03", null, null, null, "expired", "BF-01", null));

        Assert.Equal([("F-2026-03", -150), ("F-2026-11", 150)], rotation.Entries.Select(e => (e.Batch, e.Delta)));
        var balance = await client.BalanceAsync(w.Id, "LV-FOOD");
        Assert.Equal([("F-2026-11", 150)], balance!.Batches.Select(b => (b.Batch, b.Quantity)));
        await client.AssertBalanceEqualsLedgerAsync(w.Id, "LV-FOOD");
    }

    [Theory]
    [InlineData("receipt", "NO-SUCH", 5, null, "materialCode")]
    [InlineData("receipt", "LV-WATER", 5, null, "batch")]
    [InlineData("receipt", "FC-SANDBAG", 0, null, "quantity")]
    [InlineData("issue", "FC-SANDBAG", -3, null, "quantity")]
    [InlineData("adjustment", "FC-SANDBAG", 3, null, "reason")]
    [InlineData("borrow", "FC-SANDBAG", 3, null, "kind")]
    [InlineData("receipt", "FC-SANDBAG", 3, "B1", "batch")]
    public async Task Invalid_changes_are_400s_naming_the_field(string kind, string material, int quantity, string? batch, string field)
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync($"V-{Guid.NewGuid():N}"[..20]);

        using var response = await client.PostChangeAsync(w.Id, new StockChangeRequest(kind, material, quantity, batch, null, null, null, null, null, null));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _), field);
    }

    [Fact]
    public async Task An_unknown_warehouse_is_a_404()
    {
        using var client = factory.CreateClient();
        using var response = await client.PostChangeAsync(Guid.NewGuid(), Receipt("FC-SANDBAG", 1));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
