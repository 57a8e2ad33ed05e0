using System.Net;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

public sealed class ConcurrencyTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    [Fact]
    public async Task Fifty_concurrent_writers_on_one_item_never_lose_an_update_nor_go_negative()
    {
        using var client = factory.CreateClient();
        var w = await client.RegisterWarehouseAsync("PD-CC-01");
        await client.ChangeAsync(w.Id, Receipt("FC-SANDBAG", 20));

        // 25 receipts of 5 and 25 issues of 9, all at once: some issues must be refused, none may overdraw.
        var answers = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            using var response = await client.PostChangeAsync(w.Id, i % 2 == 0 ? Receipt("FC-SANDBAG", 5) : Issue("FC-SANDBAG", 9));
            return (Receipt: i % 2 == 0, response.StatusCode);
        }));

        Assert.All(answers, a => Assert.True(a.StatusCode == HttpStatusCode.OK || (!a.Receipt && a.StatusCode == HttpStatusCode.Conflict), $"{a}"));
        var receipts = answers.Count(a => a.Receipt && a.StatusCode == HttpStatusCode.OK);
        var issues = answers.Count(a => !a.Receipt && a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(25, receipts);
        var balance = await client.BalanceAsync(w.Id, "FC-SANDBAG");
        Assert.Equal(20 + 5 * receipts - 9 * issues, balance!.OnHand);
        Assert.True(balance.OnHand >= 0);
        var ledger = await client.LedgerAsync(w.Id, "FC-SANDBAG");
        Assert.Equal(1 + receipts + issues, ledger.Count);
        Assert.All(ledger, e => Assert.True(e.BalanceAfter >= 0));
        await client.AssertBalanceEqualsLedgerAsync(w.Id, "FC-SANDBAG");
    }
}
