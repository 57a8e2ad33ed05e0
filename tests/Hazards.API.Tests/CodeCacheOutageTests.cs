using System.Net.Http.Json;
using EmergencyOps.Testing;
using Hazards.API.Apis;
using Microsoft.AspNetCore.Hosting;
using static Hazards.API.Tests.CodeCacheTestData;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>Redis lost and back, through a proxy of the service's own: resolutions and writes go on, and nothing stale survives it.</summary>
public sealed class CodeCacheOutageTests : IAsyncLifetime
{
    private readonly TcpProxy _proxy = new(int.Parse(TestInfrastructure.Redis.Split(':')[^1], System.Globalization.CultureInfo.InvariantCulture));
    private ProxiedFactory _factory = null!;

    private sealed class ProxiedFactory(int port) : HazardsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:redis", $"127.0.0.1:{port}");
        }
    }

    public Task InitializeAsync()
    {
        _proxy.Start();
        _factory = new ProxiedFactory(_proxy.Port);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _proxy.DisposeAsync();
    }

    [Fact]
    public async Task Without_Redis_the_database_answers_writes_are_accepted_and_the_missed_invalidation_is_made_up_for()
    {
        using var client = _factory.CreateClient();
        var (owner, code) = await client.CommissionedAsync();
        Assert.Equal(1, (await client.ResolveAsync(code)).Trace.Scans);
        await client.PublicAsync(code);
        Assert.True(await Redis.KeyExistsAsync(_factory.EntryKey(code)));

        _proxy.Stop();
        var during = await client.ResolveAsync(code);
        await client.ScanOkAsync(code, Scan("dispensing", owner.Id, 100));
        using var revised = await client.PutAsJsonAsync($"/api/hazards/codes/{code}/label", HazardExamples.Label with { NameEn = "Anhydrous ammonia" }, Json);
        var afterWrites = await client.ResolveAsync(code);
        var publicAfterWrites = await client.PublicAsync(code);

        Assert.Equal(1, during.Trace.Scans);
        Assert.True(revised.IsSuccessStatusCode, await revised.Content.ReadAsStringAsync());
        Assert.Equal((2, 300m, 2), (afterWrites.Trace.Scans, afterWrites.Trace.Remaining, afterWrites.Label.Revision));
        Assert.Equal("Anhydrous ammonia", publicAfterWrites.Label.NameEn);
        // The entries from before the outage are still in Redis: the writes could not remove them.
        Assert.True(await Redis.KeyExistsAsync(_factory.EntryKey(code)));

        _proxy.Start();
        // Every answer is current while the service reconnects; once it has, the cache holds the current answer again.
        await Eventually.TrueAsync(async () =>
        {
            Assert.Equal(2, (await client.ResolveAsync(code)).Trace.Scans);
            Assert.Equal("Anhydrous ammonia", (await client.PublicAsync(code)).Label.NameEn);
            var entry = (string?)await Redis.StringGetAsync(_factory.EntryKey(code));
            return entry is not null && entry.Contains("Anhydrous ammonia", StringComparison.Ordinal);
        }, "the cache to hold the current answer again", TimeSpan.FromSeconds(60));
        await _factory.RenameBehindTheServiceAsync(code, "改名(缓存恢复)");
        Assert.Equal("Anhydrous ammonia", (await client.ResolveAsync(code)).Label.NameEn);
        Assert.NotEqual("改名(缓存恢复)", (await client.ResolveAsync(code)).Product.TradeName);
    }
}
