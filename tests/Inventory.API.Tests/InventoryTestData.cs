using EmergencyOps.ServiceDefaults;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using Microsoft.Extensions.DependencyInjection;

namespace Inventory.API.Tests;

internal static class InventoryTestData
{
    public static readonly JsonSerializerOptions Json = TestJson.Options;

    public static async Task<WarehouseResponse> RegisterWarehouseAsync(this HttpClient client, string code, string district = "310115",
        double lat = 31.2200, double lon = 121.5400, string tier = "street")
    {
        using var response = await client.PostAsJsonAsync("/api/inventory/warehouses",
            new RegisterWarehouseRequest(code, $"{code} 应急物资储备库", tier, district, "上海市浦东新区张杨路1号", lat, lon, "张库管", 500), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WarehouseResponse>(Json))!;
    }

    public static Task<HttpResponseMessage> PostChangeAsync(this HttpClient client, Guid warehouse, StockChangeRequest change, string? key = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inventory/warehouses/{warehouse}/stock-changes") { Content = JsonContent.Create(change, options: Json) };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString());
        return client.SendAsync(request);
    }

    public static async Task<StockChangeResponse> ChangeAsync(this HttpClient client, Guid warehouse, StockChangeRequest change)
    {
        using var response = await client.PostChangeAsync(warehouse, change);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<StockChangeResponse>(Json))!;
    }

    public static StockChangeRequest Receipt(string material, int quantity, string? batch = null, DateOnly? expiry = null) =>
        new("receipt", material, quantity, batch, expiry, null, null, null, "RK-2026-001", null);

    public static StockChangeRequest Issue(string material, int quantity, string? batch = null, Guid? reservation = null) =>
        new("issue", material, quantity, batch, null, null, null, "distribution", "CK-2026-001", reservation);

    public static async Task<BalanceResponse?> BalanceAsync(this HttpClient client, Guid warehouse, string material) =>
        (await client.GetFromJsonAsync<List<BalanceResponse>>($"/api/inventory/warehouses/{warehouse}/balances?material={material}", Json))!.SingleOrDefault();

    public static async Task<List<LedgerEntryResponse>> LedgerAsync(this HttpClient client, Guid warehouse, string material) =>
        [.. (await client.GetFromJsonAsync<PaginatedItems<LedgerEntryResponse>>($"/api/inventory/warehouses/{warehouse}/ledger?material={material}&pageSize=200", Json))!.Data];


    /// <summary>
    /// A warning inventory has heard of and that is not over, as its consumer records it, for tests about reservations
    /// themselves (WarningReservationTests hears them over the broker).
    /// </summary>
    public static async Task<Guid> OpenWarningAsync(this InventoryFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryContext>();
        var id = Guid.NewGuid();
        db.KnownWarnings.Add(new KnownWarning { WarningId = id, Version = 1, HeardAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        return id;
    }

    /// <summary>The invariant of the ledger: the balance is the sum of its deltas.</summary>
    public static async Task AssertBalanceEqualsLedgerAsync(this HttpClient client, Guid warehouse, string material)
    {
        var balance = await client.BalanceAsync(warehouse, material);
        var ledger = await client.LedgerAsync(warehouse, material);
        Assert.Equal(ledger.Sum(e => e.Delta), balance?.OnHand ?? 0);
        Assert.Equal(ledger.Sum(e => e.ReservedDelta), balance?.Reserved ?? 0);
        Assert.Equal(balance?.OnHand ?? 0, balance?.Batches.Sum(b => b.Quantity) ?? 0);
    }
}
