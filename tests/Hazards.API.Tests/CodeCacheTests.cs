using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EmergencyOps.Testing;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.Extensions.DependencyInjection;
using static Hazards.API.Tests.CodeCacheTestData;
using static Hazards.API.Tests.HazardTestData;

namespace Hazards.API.Tests;

/// <summary>Code resolutions served from Redis: the same answer as the database's, per caller where it must be, never older than a change.</summary>
public sealed class CodeCacheTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task The_second_resolution_comes_from_Redis_byte_for_byte_the_same_as_the_first()
    {
        using var client = factory.CreateClient();
        var (_, code) = await client.CommissionedAsync();

        var fromDatabase = await client.ResolveBodyAsync(code);
        Assert.True(await Redis.KeyExistsAsync(factory.EntryKey(code)));
        await factory.RenameBehindTheServiceAsync(code, "改名(未经服务)");
        var fromCache = await client.ResolveBodyAsync(code);

        Assert.Equal(fromDatabase, fromCache);
        Assert.Equal("液氨(工业级)", JsonSerializer.Deserialize<CodeResolution>(fromCache, Json)!.Product.TradeName);
        var ttl = await Redis.KeyTimeToLiveAsync(factory.EntryKey(code));
        Assert.InRange(ttl!.Value, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(10));
    }

    [Fact]
    public async Task The_public_answer_has_an_entry_of_its_own_with_nothing_private_in_it()
    {
        using var client = factory.CreateClient();
        var (owner, code) = await client.CommissionedAsync();
        using var anonymous = factory.CreateClient().Anonymous();

        var first = await anonymous.PublicAsync(code);
        var entry = (string?)await Redis.StringGetAsync(factory.EntryKey(code, CodeView.Public));
        await factory.RenameBehindTheServiceAsync(code, "改名(未经服务)");
        var second = await anonymous.PublicAsync(code);

        Assert.Equal("液氨(工业级)", second.TradeName);
        Assert.Equal(JsonSerializer.Serialize(first, Json), JsonSerializer.Serialize(second, Json));
        Assert.NotNull(entry);
        Assert.DoesNotContain(owner.CreditCode, entry, StringComparison.Ordinal);
        Assert.DoesNotContain("holder", entry, StringComparison.OrdinalIgnoreCase);
        Assert.False(await Redis.KeyExistsAsync(factory.EntryKey(code)));
    }

    [Fact]
    public async Task A_cached_resolution_is_still_refused_to_an_enterprise_that_neither_owns_holds_nor_receives_it()
    {
        using var bureau = factory.CreateClient();
        var (owner, code) = await bureau.CommissionedAsync();
        var stranger = await bureau.RegisterAsync();
        await bureau.ResolveBodyAsync(code);
        using var ownerClient = factory.CreateClient().ForEnterprise(owner);
        using var strangerClient = factory.CreateClient().ForEnterprise(stranger);

        using var refused = await strangerClient.GetAsync($"/api/hazards/codes/{code}");
        var allowed = await ownerClient.ResolveAsync(code);

        Assert.True(await Redis.KeyExistsAsync(factory.EntryKey(code)));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("Not your enterprise", (await refused.ProblemAsync()).GetProperty("title").GetString());
        Assert.Equal(code, allowed.Code);
    }

    [Fact]
    public async Task An_entry_that_cannot_be_read_is_a_miss_and_is_replaced()
    {
        using var client = factory.CreateClient();
        var (_, code) = await client.CommissionedAsync();
        await client.ResolveBodyAsync(code);

        await AssertMissAndReplacedAsync(client, code, "{\"generation\":\"not a number\"", "改名(重新读取)");
    }

    [Fact]
    public async Task An_entry_in_the_former_format_is_a_miss_and_is_replaced()
    {
        using var client = factory.CreateClient();
        var (_, code) = await client.CommissionedAsync();
        var body = await client.ResolveBodyAsync(code);
        var version = (long)await Redis.StringGetAsync(factory.VersionKey(code));
        var generation = (long)await Redis.StringGetAsync(factory.GenerationKey());

        // What an earlier release stored: the answer as compact JSON with its stamps, current ones included.
        var former = JsonNode.Parse(body)!.AsObject();
        var planted = new JsonObject { ["generation"] = generation, ["version"] = version, ["value"] = former.DeepClone() }.ToJsonString();
        await AssertMissAndReplacedAsync(client, code, planted, "改名(格式更替)");
    }

    // The planted entry is not served: the answer shows a change made behind the service's back, and so does the new entry.
    private async Task AssertMissAndReplacedAsync(HttpClient client, string code, string planted, string renamed)
    {
        await Redis.StringSetAsync(factory.EntryKey(code), planted);
        await factory.RenameBehindTheServiceAsync(code, renamed);
        var resolved = await client.ResolveAsync(code);

        Assert.Equal(renamed, resolved.Product.TradeName);
        Assert.Equal(renamed, (await factory.EntryAsync<CodeResolution>(code)).Product.TradeName);
    }

    [Fact]
    public async Task A_cached_resolution_is_read_by_the_consignee_it_is_shipped_to_and_by_no_other_enterprise()
    {
        using var bureau = factory.CreateClient();
        var (owner, code) = await bureau.CommissionedAsync();
        var consignee = await bureau.RegisterAsync();
        var stranger = await bureau.RegisterAsync();
        await bureau.ScanOkAsync(code, Scan("shipping", owner.Id, 400, consignee.Id));
        var fromDatabase = await bureau.ResolveBodyAsync(code);
        using var consigneeClient = factory.CreateClient().ForEnterprise(consignee);
        using var strangerClient = factory.CreateClient().ForEnterprise(stranger);

        await factory.RenameBehindTheServiceAsync(code, "改名(未经服务)");
        var fromCache = await consigneeClient.ResolveBodyAsync(code);
        using var refused = await strangerClient.GetAsync($"/api/hazards/codes/{code}");

        Assert.Equal(fromDatabase, fromCache);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(code, (await refused.ProblemAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_row_stored_before_todays_rules_is_cached_and_answered_as_the_database_answers_it()
    {
        using var client = factory.CreateClient();
        var (owner, code) = await client.CommissionedAsync();
        await factory.ExecuteAsync("UPDATE Enterprises SET Latitude = 1e999, Name = 'a' || char(1) || 'b' WHERE Id = $id", ("$id", ServiceDatabase.Key(owner.Id)));

        var fromDatabase = await client.ResolveBodyAsync(code);
        var fromCache = await client.ResolveBodyAsync(code);

        Assert.Equal(fromDatabase, fromCache);
        Assert.True(await Redis.KeyExistsAsync(factory.EntryKey(code)));
    }

    [Fact]
    public async Task A_reader_slower_than_a_change_stores_an_answer_that_is_never_served()
    {
        using var client = factory.CreateClient();
        var (owner, code) = await client.CommissionedAsync();
        var cache = factory.Services.GetRequiredService<CodeCache>();

        // The slow reader's stamps and answer are taken before the scan; it stores them after the scan's invalidation.
        var lookup = await cache.GetAsync(code, CodeView.Full);
        var stale = await client.ResolveBodyAsync(code);
        await client.ScanOkAsync(code, Scan("dispensing", owner.Id, 100));
        await cache.StoreAsync(code, CodeView.Full, lookup, new CodeAccess(owner.Id, owner.Id, null), Encoding.UTF8.GetBytes(stale));
        var resolved = await client.ResolveAsync(code);

        var staleTrace = JsonSerializer.Deserialize<CodeResolution>(stale, Json)!.Trace;
        Assert.Equal((1, 400m), (staleTrace.Scans, staleTrace.Remaining));
        Assert.Equal((2, 300m), (resolved.Trace.Scans, resolved.Trace.Remaining));
    }
}
