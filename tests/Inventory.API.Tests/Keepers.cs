using System.Net;
using System.Net.Http.Json;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Inventory.API.Model;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

/// <summary>Callers as the identity service issues them to warehouses, through the development scheme's headers.</summary>
internal static class Keepers
{
    /// <summary>The scopes of the warehouse and warehouse-keeper roles (src/Identity.API/Model/Roles.cs).</summary>
    public const string KeeperScopes = "inventory:read inventory:write-own-stock";

    /// <summary>A client whose token binds it to <paramref name="warehouse"/> (a code or an id), with a keeper's scopes unless told otherwise.</summary>
    public static HttpClient KeeperOf(this InventoryFactory factory, string warehouse, string? scopes = KeeperScopes)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.UserHeader, $"keeper of {warehouse}");
        client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.BindingHeader, $"{IdentityClaims.WarehouseId}={warehouse}");
        if (scopes is not null)
        {
            client.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.ScopesHeader, scopes);
        }
        return client;
    }

    /// <summary>The binding as a token would carry it: the warehouse's code, or its id.</summary>
    public static string Binding(this WarehouseResponse warehouse, bool byId) => byId ? warehouse.Id.ToString() : warehouse.Code;

    /// <summary>Two warehouses in two districts and a material of their own, so totals and lists hold only this test's rows.</summary>
    public static async Task<(WarehouseResponse A, WarehouseResponse B, string Material)> TwoWarehousesAsync(this HttpClient city)
    {
        var tag = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var a = await city.RegisterWarehouseAsync($"PD-A-{tag}", "310115", 31.2200, 121.5400);
        var b = await city.RegisterWarehouseAsync($"HP-B-{tag}", "310101", 31.2400, 121.4900);
        var material = $"BD-{tag}";
        using var created = await city.PutAsJsonAsync($"/api/inventory/materials/{material}", new Apis.MaterialRequest("急救包(测试)", "medical", "个", 365, true), Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (a, b, material);
    }

    public static async Task<TransferResponse> CreateTransferAsync(this HttpClient client, Guid from, Guid to, string material, int quantity)
    {
        using var response = await client.PostAsJsonAsync("/api/inventory/transfers", new CreateTransferRequest(from, to, material, quantity, "test"), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<TransferResponse>(Json))!;
    }

    /// <summary>Asserts the 403 problem of a bound caller: it names the record asked for and the caller's own warehouse.</summary>
    public static async Task AssertNotYoursAsync(this HttpResponseMessage response, string record, string binding)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{(int)response.StatusCode}: {body}");
        var problem = await response.ProblemAsync();
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("Not your warehouse", problem.GetProperty("title").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains(record, detail, StringComparison.Ordinal);
        Assert.Contains(binding, detail, StringComparison.Ordinal);
        Assert.Equal([binding], problem.GetProperty(IdentityClaims.WarehouseId).EnumerateArray().Select(e => e.GetString()));
    }
}
