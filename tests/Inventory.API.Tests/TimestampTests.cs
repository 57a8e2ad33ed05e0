using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using Inventory.API.Model;
using MassTransit;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

/// <summary>
/// Every time in every answer is China Standard Time with its offset, also after the database round trip: SQLite hands
/// DateTime values back without a kind, which would otherwise be written with no zone at all.
/// </summary>
public sealed class TimestampTests(InventoryFactory factory) : IClassFixture<InventoryFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<ReserveReadinessReported>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Every_time_in_every_answer_carries_the_China_offset()
    {
        // Rows with every kind of time: ledger entries, a shortfall and its alerts, a transfer, a reservation made and
        // released, and a readiness report.
        var (from, to) = (await _client.RegisterWarehouseAsync("TS-SRC", "310115"), await _client.RegisterWarehouseAsync("TS-DST", "310115"));
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10);
        using (var receipt = await _client.PostChangeAsync(from.Id, Receipt("LV-WATER", 150, "TS-B1", expiry)))
        {
            Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
            var answer = await receipt.Content.ReadFromJsonAsync<JsonElement>();
            Timestamps.AssertChinaTime("POST stock-changes", answer).AssertSomeIn("POST stock-changes");
        }
        (await _client.PutAsJsonAsync($"/api/inventory/warehouses/{from.Id}/norms/LV-WATER", new SetNormRequest(100, 10), Json)).EnsureSuccessStatusCode();
        await _client.ChangeAsync(from.Id, Issue("LV-WATER", 60));
        var transfer = await _client.CreateTransferAsync(from.Id, to.Id, "LV-WATER", 20);
        (await _client.PostAsync($"/api/inventory/transfers/{transfer.Id}/dispatch", null)).EnsureSuccessStatusCode();
        (await _client.PostAsJsonAsync($"/api/inventory/transfers/{transfer.Id}/receive", new ReceiveTransferRequest(null, null), Json)).EnsureSuccessStatusCode();
        var warning = await factory.OpenWarningAsync();
        using var made = await _client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(warning, to.Id, "LV-WATER", 5), Json);
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var reservation = (await made.Content.ReadFromJsonAsync<ReservationResponse>(Json))!;
        (await _client.PostAsync($"/api/inventory/reservations/{reservation.Id}/release", null)).EnsureSuccessStatusCode();
        await _client.ChangeAsync(to.Id, Receipt("LV-WATER", 1, "TS-B2", expiry));
        var orange = Guid.NewGuid();
        var issued = new WarningIssued(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), orange, 1,
            WarningTypes.Typhoon, WarningLevel.Orange, false, new WarningArea(["310115"]), "台风橙色预警", null);
        await _bus.Bus.Publish(issued, ctx => ctx.MessageId = issued.EventId);
        await _bus.WaitForAsync<ReserveReadinessReported>(r => r.WarningId == orange);

        string[] withTimes =
        [
            $"/api/inventory/warehouses/{from.Id}/ledger", $"/api/inventory/warehouses/{to.Id}/ledger?material=LV-WATER",
            "/api/inventory/shortfalls", "/api/inventory/shortfalls?district=310115",
            $"/api/inventory/reservations?warningId={warning}", $"/api/inventory/warehouses/{from.Id}/stock-alerts",
            $"/api/inventory/readiness?warningId={orange}",
        ];
        string[] others =
        [
            "/api/inventory/warehouses", $"/api/inventory/warehouses/{from.Id}", $"/api/inventory/warehouses/{from.Id}/balances",
            $"/api/inventory/transfers/{transfer.Id}", "/api/inventory/transfers", "/api/inventory/batches/expiring?days=30",
            "/api/inventory/materials", "/api/inventory/materials/LV-WATER/totals",
        ];

        var found = await _client.AssertChinaTimeAsync([.. withTimes, .. others]);

        found.AssertSomeIn(withTimes);
        // A plain date (the batch's expiry) is a date, not a time: it stays as it is.
        var balances = await _client.GetFromJsonAsync<JsonElement>($"/api/inventory/warehouses/{from.Id}/balances");
        Assert.Contains(balances.EnumerateArray().SelectMany(b => b.GetProperty("batches").EnumerateArray()),
            b => b.GetProperty("expiry").GetString() == expiry.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
