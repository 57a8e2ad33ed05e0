using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>The code cache as the tests look at it: its keys in the real Redis, and rows changed behind the service's back.</summary>
internal static class CodeCacheTestData
{
    private static readonly Lazy<ConnectionMultiplexer> Connection = new(() => ConnectionMultiplexer.Connect(TestInfrastructure.Redis));

    public static IDatabase Redis => Connection.Value.GetDatabase();

    public static RedisKey EntryKey(this HazardsFactory factory, string code, CodeView view = CodeView.Full) =>
        $"{factory.EntityPrefix}:hazards:codes:{code}:{(view == CodeView.Full ? "full" : "public")}";

    public static RedisKey VersionKey(this HazardsFactory factory, string code) => $"{factory.EntityPrefix}:hazards:codes:{code}:version";

    public static RedisKey GenerationKey(this HazardsFactory factory) => $"{factory.EntityPrefix}:hazards:codes:generation";

    /// <summary>The answer an entry holds (the response body after its header), read as the client reads the response.</summary>
    public static async Task<T> EntryAsync<T>(this HazardsFactory factory, string code, CodeView view = CodeView.Full)
    {
        var entry = await Redis.StringGetAsync(factory.EntryKey(code, view));
        Assert.False(entry.IsNullOrEmpty, $"no {view} entry for {code}");
        var json = CodeEntry.Json((ReadOnlyMemory<byte>)entry);
        Assert.False(json.IsEmpty, $"the {view} entry for {code} is not of the current format");
        return JsonSerializer.Deserialize<T>(json.Span, Json)!;
    }

    /// <summary>Every key of the code cache under the factory's prefix (entries, versions, the generation).</summary>
    public static async Task<List<string>> CacheKeysAsync(this HazardsFactory factory)
    {
        var server = Connection.Value.GetServers()[0];
        var keys = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: $"{factory.EntityPrefix}:hazards:codes:*"))
        {
            keys.Add(key.ToString());
        }
        return keys;
    }

    /// <summary>The trade name changed in the database without the service knowing: only a fresh read shows it.</summary>
    public static async Task RenameBehindTheServiceAsync(this HazardsFactory factory, string code, string tradeName)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HazardsContext>();
        Assert.Equal(1, await db.Products.Where(p => p.Code == code).ExecuteUpdateAsync(u => u.SetProperty(p => p.TradeName, tradeName)));
    }

    public static async Task<CodeResolution> ResolveAsync(this HttpClient client, string code) =>
        JsonSerializer.Deserialize<CodeResolution>(await client.ResolveBodyAsync(code), Json)!;

    public static async Task<string> ResolveBodyAsync(this HttpClient client, string code)
    {
        using var response = await client.GetAsync($"/api/hazards/codes/{code}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return body;
    }

    public static async Task<PublicCodeInformation> PublicAsync(this HttpClient client, string code)
    {
        using var response = await client.GetAsync($"/api/hazards/codes/{code}/public");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PublicCodeInformation>(Json))!;
    }

    /// <summary>A registered, commissioned product of a fresh enterprise.</summary>
    public static async Task<(EnterpriseResponse Owner, string Code)> CommissionedAsync(this HttpClient client, RegisterProductRequest? product = null)
    {
        var owner = await client.RegisterAsync();
        var code = (await client.RegisterProductAsync(owner.Id, product)).Code;
        await client.ScanOkAsync(code, Scan("commissioning", owner.Id));
        return (owner, code);
    }
}
