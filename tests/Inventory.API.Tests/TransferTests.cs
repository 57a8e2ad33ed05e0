using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Testing;
using Inventory.API.Model;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

public sealed class TransferTests(InventoryFactory factory) : IClassFixture<InventoryFactory>, IAsyncLifetime
{
    private MessageRecorder _events = null!;

    public async Task InitializeAsync() =>
        _events = await new MessageRecorder(factory.EntityPrefix).Record<TransferDispatched>().Record<TransferReceived>().Record<TransferCancelled>().StartAsync();

    public async Task DisposeAsync() => await _events.DisposeAsync();

    [Fact]
    public async Task A_short_receipt_conserves_source_plus_transit_plus_destination_plus_the_reported_loss()
    {
        using var client = factory.CreateClient();
        var (from, to) = (await client.RegisterWarehouseAsync("TR-A-SRC", tier: "district"), await client.RegisterWarehouseAsync("TR-A-DST"));
        await client.ChangeAsync(from.Id, Receipt("RS-LIFEJACKET", 60, "LJ-OLD", new DateOnly(2028, 1, 1)));
        await client.ChangeAsync(from.Id, Receipt("RS-LIFEJACKET", 60, "LJ-NEW", new DateOnly(2030, 1, 1)));
        var transfer = await CreateAsync(client, from.Id, to.Id, "RS-LIFEJACKET", 80);

        var dispatched = await StepAsync(client, transfer.Id, "dispatch");
        Assert.Equal(TransferStatus.Dispatched, dispatched.Status);
        Assert.Equal([new TransferLine("LJ-OLD", new DateOnly(2028, 1, 1), 60), new TransferLine("LJ-NEW", new DateOnly(2030, 1, 1), 20)], dispatched.Lines);
        Assert.Equal(120, (await OnHandAsync(client, from.Id)) + dispatched.Quantity + (await OnHandAsync(client, to.Id)));

        using var noReason = await client.PostAsJsonAsync($"/api/inventory/transfers/{transfer.Id}/receive", new ReceiveTransferRequest(77, null), Json);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var received = await StepAsync(client, transfer.Id, "receive", new ReceiveTransferRequest(77, "3 件运输途中破损"));

        Assert.Equal((TransferStatus.Received, 77), (received.Status, received.Received));
        Assert.Equal(40, await OnHandAsync(client, from.Id));
        Assert.Equal(77, await OnHandAsync(client, to.Id));
        Assert.Equal(120, 40 + 77 + (received.Quantity - received.Received!.Value));
        await client.AssertBalanceEqualsLedgerAsync(from.Id, "RS-LIFEJACKET");
        await client.AssertBalanceEqualsLedgerAsync(to.Id, "RS-LIFEJACKET");
        var evt = await _events.WaitForAsync<TransferReceived>(e => e.TransferId == transfer.Id);
        Assert.Equal((80, 77, "3 件运输途中破损"), (evt.Message.Dispatched, evt.Message.Received, evt.Message.ShortReason));
    }

    [Fact]
    public async Task A_dispatch_across_batches_states_the_balance_after_each_ledger_entry()
    {
        using var client = factory.CreateClient();
        var (from, to) = (await client.RegisterWarehouseAsync("TR-BAL-SRC"), await client.RegisterWarehouseAsync("TR-BAL-DST"));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await client.ChangeAsync(from.Id, Receipt("LV-WATER", 10, "B", today.AddDays(20)));
        await client.ChangeAsync(from.Id, Receipt("LV-WATER", 10, "C", today.AddDays(60)));
        var transfer = await CreateAsync(client, from.Id, to.Id, "LV-WATER", 15);

        await StepAsync(client, transfer.Id, "dispatch");

        var ledger = await client.LedgerAsync(from.Id, "LV-WATER");
        Assert.Equal([("C", -5, 5), ("B", -10, 10)], ledger.Where(e => e.Kind == LedgerKind.TransferOut).Select(e => (e.Batch, e.Delta, e.BalanceAfter)));
    }

    [Fact]
    public async Task Cancelling_a_cancelled_transfer_is_a_409_wrong_state_problem()
    {
        using var client = factory.CreateClient();
        var (from, to) = (await client.RegisterWarehouseAsync("TR-CC-SRC"), await client.RegisterWarehouseAsync("TR-CC-DST"));
        await client.ChangeAsync(from.Id, Receipt("FC-PUMP-50", 6));
        var transfer = await CreateAsync(client, from.Id, to.Id, "FC-PUMP-50", 4);
        await StepAsync(client, transfer.Id, "cancel");

        using var again = await client.PostAsync($"/api/inventory/transfers/{transfer.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var problem = await again.ProblemAsync();
        Assert.Equal(("Wrong transfer state", 409), (problem.GetProperty("title").GetString(), problem.GetProperty("status").GetInt32()));
        Assert.Contains("cancelled", problem.GetProperty("detail").GetString());
        Assert.Equal(6, await OnHandAsync(client, from.Id));
    }

    [Fact]
    public async Task Cancelling_in_transit_returns_the_same_batches_to_the_source()
    {
        using var client = factory.CreateClient();
        var (from, to) = (await client.RegisterWarehouseAsync("TR-B-SRC"), await client.RegisterWarehouseAsync("TR-B-DST"));
        await client.ChangeAsync(from.Id, Receipt("FC-PUMP-50", 6));
        var transfer = await CreateAsync(client, from.Id, to.Id, "FC-PUMP-50", 4);
        await StepAsync(client, transfer.Id, "dispatch");
        Assert.Equal(2, await OnHandAsync(client, from.Id));

        var cancelled = await StepAsync(client, transfer.Id, "cancel");

        Assert.Equal(TransferStatus.Cancelled, cancelled.Status);
        Assert.Equal(6, await OnHandAsync(client, from.Id));
        Assert.Equal(0, await OnHandAsync(client, to.Id));
        using var again = await client.PostAsync($"/api/inventory/transfers/{transfer.Id}/receive", JsonContent.Create(new ReceiveTransferRequest(null, null)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var evt = await _events.WaitForAsync<TransferCancelled>(e => e.TransferId == transfer.Id);
        Assert.Equal(4, evt.Message.Quantity);
        await client.AssertBalanceEqualsLedgerAsync(from.Id, "FC-PUMP-50");
    }

    [Fact]
    public async Task A_transfer_larger_than_the_stock_cannot_be_dispatched()
    {
        using var client = factory.CreateClient();
        var (from, to) = (await client.RegisterWarehouseAsync("TR-C-SRC"), await client.RegisterWarehouseAsync("TR-C-DST"));
        await client.ChangeAsync(from.Id, Receipt("LV-TENT", 10));
        var transfer = await CreateAsync(client, from.Id, to.Id, "LV-TENT", 11);

        using var response = await client.PostAsync($"/api/inventory/transfers/{transfer.Id}/dispatch", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(10, (await response.ProblemAsync()).GetProperty("available").GetInt32());
        Assert.Equal(10, await OnHandAsync(client, from.Id));
        Assert.Equal(TransferStatus.Created, (await client.GetFromJsonAsync<TransferResponse>($"/api/inventory/transfers/{transfer.Id}", Json))!.Status);
    }

    private static async Task<TransferResponse> CreateAsync(HttpClient client, Guid from, Guid to, string material, int quantity)
    {
        using var response = await client.PostAsJsonAsync("/api/inventory/transfers", new CreateTransferRequest(from, to, material, quantity, "汛前调拨"), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TransferResponse>(Json))!;
    }

    private static async Task<TransferResponse> StepAsync(HttpClient client, Guid id, string step, ReceiveTransferRequest? body = null)
    {
        using var response = step == "receive"
            ? await client.PostAsJsonAsync($"/api/inventory/transfers/{id}/receive", body ?? new ReceiveTransferRequest(null, null), Json)
            : await client.PostAsync($"/api/inventory/transfers/{id}/{step}", null);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TransferResponse>(Json))!;
    }

    private static async Task<int> OnHandAsync(HttpClient client, Guid warehouse)
    {
        var balances = await client.GetFromJsonAsync<List<BalanceResponse>>($"/api/inventory/warehouses/{warehouse}/balances", Json);
        return balances!.Sum(b => b.OnHand);
    }
}
