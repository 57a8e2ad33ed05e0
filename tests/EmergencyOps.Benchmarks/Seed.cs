using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// The records the benchmarks work on, put in through the gateway as the bureau's people and clients would: open
/// shelters in Pudong, and warehouses each with a machine client of its own (so each posts only to its own stock).
/// </summary>
internal sealed class Seed(BenchSystem system)
{
    public const string Material = "FC-SANDBAG";
    public const int MaxWarehouses = 64;
    private IReadOnlyList<Guid>? _shelters;
    private IReadOnlyList<BenchWarehouse>? _warehouses;

    /// <summary>Points in Pudong the nearest-shelter queries ask from, the same sequence on every side.</summary>
    public static (double Lat, double Lon) QueryPoint(int i) => (31.15 + (i * 37 % 100) / 700d, 121.50 + (i * 61 % 100) / 700d);

    public async Task<IReadOnlyList<Guid>> SheltersAsync(int count, CancellationToken cancellationToken)
    {
        if (_shelters is not null)
        {
            return _shelters;
        }
        using var admin = await system.ClientAsync(system.Gateway, "admin", cancellationToken);
        using var duty = await system.ClientAsync(system.Gateway, "duty1", cancellationToken);
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var (lat, lon) = QueryPoint(i * 7 + 3);
            using var registered = await admin.PostAsJsonAsync("/api/shelters", new
            {
                name = $"基准测试避难场所{i:000}", kind = "indoor", grade = "fixed", districtCode = "310115", address = $"上海市浦东新区基准路{i}号",
                latitude = lat, longitude = lon, usableArea = 60_000, capacity = 100_000, facilities = new[] { "water", "power", "toilets" },
                suitableHazards = new[] { "typhoon", "rainstorm" }, unsuitableHazards = Array.Empty<string>(), manager = "基准测试", contact = "021-00000000",
            }, cancellationToken);
            var id = await IdAsync(registered, "registering a shelter", cancellationToken);
            using var opened = await duty.PostAsJsonAsync($"/api/shelters/{id}/status", new { status = "open", reason = "benchmark" }, cancellationToken);
            await Http.EnsureAsync(opened, "opening a shelter", cancellationToken);
            ids.Add(id);
        }
        return _shelters = ids;
    }

    /// <summary>Warehouses, each with a client bound to it that holds a token (registered once, the first time).</summary>
    public async Task<IReadOnlyList<BenchWarehouse>> WarehousesAsync(CancellationToken cancellationToken)
    {
        if (_warehouses is not null)
        {
            return _warehouses;
        }
        using var admin = await system.ClientAsync(system.Gateway, "admin", cancellationToken);
        var list = new List<BenchWarehouse>();
        for (var i = 0; i < MaxWarehouses; i++)
        {
            var code = $"BENCH-WH-{i.ToString("000", CultureInfo.InvariantCulture)}";
            using var registered = await admin.PostAsJsonAsync("/api/inventory/warehouses", new
            {
                code, name = $"基准测试仓库{i:000}", tier = "street", districtCode = "310115", address = "上海市浦东新区基准路1号",
                latitude = 31.22, longitude = 121.54, manager = "基准测试", capacity = 1_000_000,
            }, cancellationToken);
            var id = await IdAsync(registered, "registering a warehouse", cancellationToken);
            var clientId = code.ToLowerInvariant();
            using var client = await admin.PostAsJsonAsync("/api/identity/clients", new
            {
                clientId, displayName = $"基准测试仓库{i:000}", role = "warehouse", binding = code,
            }, cancellationToken);
            await Http.EnsureAsync(client, "registering a warehouse client", cancellationToken);
            var secret = (await client.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("clientSecret").GetString()!;
            var token = (await system.Tokens.ClientCredentialsAsync(clientId, secret, null, cancellationToken)).GetProperty("access_token").GetString()!;
            list.Add(new BenchWarehouse(id, code, token));
        }
        return _warehouses = list;
    }

    private static async Task<Guid> IdAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        await Http.EnsureAsync(response, what, cancellationToken);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("id").GetGuid();
    }
}

/// <summary>A benchmark warehouse and the access token of the client bound to it.</summary>
internal sealed record BenchWarehouse(Guid Id, string Code, string Token);

internal static class Http
{
    public static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{what} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }
}
