using EmergencyOps.Testing;
using Microsoft.AspNetCore.Hosting;
using static Hazards.API.Tests.CodeCacheTestData;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>The switch that turns the cache off (the benchmark's baseline), and its lifetime's bounds.</summary>
public sealed class CodeCacheSwitchTests
{
    private sealed class ConfiguredFactory(params (string Key, string Value)[] settings) : HazardsFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }

    [Fact]
    public async Task Switched_off_every_resolution_reads_the_database_and_Redis_holds_nothing_of_it()
    {
        await using var factory = new ConfiguredFactory(("Hazards:CodeCache:Enabled", "false"));
        using var client = factory.CreateClient();
        var (owner, code) = await client.CommissionedAsync();

        await client.ResolveAsync(code);
        await client.PublicAsync(code);
        await factory.RenameBehindTheServiceAsync(code, "改名(直接读库)");
        var resolved = await client.ResolveAsync(code);
        var information = await client.PublicAsync(code);
        await client.ScanOkAsync(code, Scan("dispensing", owner.Id, 100));

        Assert.Equal(("改名(直接读库)", "改名(直接读库)"), (resolved.Product.TradeName, information.TradeName));
        Assert.Equal(2, (await client.ResolveAsync(code)).Trace.Scans);
        Assert.Empty(await factory.CacheKeysAsync());
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("8.00:00:00")]
    public void A_lifetime_out_of_bounds_stops_the_start(string timeToLive)
    {
        using var factory = new ConfiguredFactory(("Hazards:CodeCache:TimeToLive", timeToLive));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("TimeToLive", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_lifetime_is_each_entrys()
    {
        await using var factory = new ConfiguredFactory(("Hazards:CodeCache:TimeToLive", "00:00:30"));
        using var client = factory.CreateClient();
        var (_, code) = await client.CommissionedAsync();

        await client.ResolveAsync(code);

        Assert.InRange((await Redis.KeyTimeToLiveAsync(factory.EntryKey(code)))!.Value, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(30));
    }
}
