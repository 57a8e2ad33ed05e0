using System.Net.Http.Json;
using EmergencyOps.Testing;
using EmergencyOps.Testing.BadInput;
using Inventory.API.Model;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

/// <summary>The shared bad-input suite over every inventory operation, against real rows.</summary>
public sealed class BadInputTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    [Fact]
    public async Task No_generated_bad_input_is_accepted_answered_5xx_or_changes_a_table()
    {
        using var client = factory.CreateClient();
        var (a, b) = (await client.RegisterWarehouseAsync("BI-A"), await client.RegisterWarehouseAsync("BI-B"));
        await client.ChangeAsync(a.Id, Receipt("LV-TENT", 100));
        using var created = await client.PostAsJsonAsync("/api/inventory/transfers", new CreateTransferRequest(a.Id, b.Id, "LV-TENT", 10, "调拨"), Json);
        var transfer = (await created.Content.ReadFromJsonAsync<TransferResponse>(Json))!;
        (await client.PostAsync($"/api/inventory/transfers/{transfer.Id}/dispatch", null)).EnsureSuccessStatusCode();
        using var reserved = await client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(await factory.OpenWarningAsync(), a.Id, "LV-TENT", 5), Json);
        var reservation = (await reserved.Content.ReadFromJsonAsync<ReservationResponse>(Json))!;

        var report = await BadInputSuite.RunAsync(client, factory.DatabaseConnectionString, "/api/inventory", (template, name) => name switch
        {
            "id" when template.StartsWith("/api/inventory/transfers", StringComparison.Ordinal) => transfer.Id.ToString(),
            "id" when template.StartsWith("/api/inventory/reservations", StringComparison.Ordinal) => reservation.Id.ToString(),
            "id" => a.Id.ToString(),
            "code" or "materialCode" => "LV-TENT",
            _ => null,
        });

        report.AssertClean(minOperations: 24, minRequests: 300);
    }
}
