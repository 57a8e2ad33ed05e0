using EmergencyOps.ServiceDefaults;
using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Shelters;
using EmergencyOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Shelters.API.Infrastructure;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

public sealed class OccupancyTests(SheltersFactory factory) : IClassFixture<SheltersFactory>, IAsyncLifetime
{
    private MessageRecorder _events = null!;

    public async Task InitializeAsync() =>
        _events = await new MessageRecorder(factory.EntityPrefix).Record<ShelterFull>().Record<ShelterOccupancyChanged>().StartAsync();

    public async Task DisposeAsync() => await _events.DisposeAsync();

    [Fact]
    public async Task Concurrent_arrivals_never_exceed_capacity()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("静安体育中心", "310106", 31.2300, 121.4500, capacity: 40));

        var answers = await Task.WhenAll(Enumerable.Range(0, 70).Select(async _ =>
        {
            using var response = await client.OccupancyAsync(shelter.Id, "arrival", 1);
            return response.StatusCode;
        }));

        Assert.Equal(40, answers.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(30, answers.Count(s => s == HttpStatusCode.Conflict));
        var after = await client.GetShelterAsync(shelter.Id);
        Assert.Equal(40, after.Occupancy);
        Assert.Equal(ShelterStatus.Full, after.Status);
        var log = await client.GetFromJsonAsync<PaginatedItems<LogEntryResponse>>($"/api/shelters/{shelter.Id}/log?pageSize=200", Json);
        Assert.Equal(40, log!.Data.Where(e => e.Kind == ShelterChangeKind.Arrival).Sum(e => e.Change));
        Assert.Equal(Enumerable.Range(1, 40), log.Data.Where(e => e.Kind == ShelterChangeKind.Arrival).Select(e => e.OccupancyAfter).Order());

        var full = await _events.WaitForAsync<ShelterFull>(e => e.ShelterId == shelter.Id);
        Assert.Equal(40, full.Message.Capacity);
        await Eventually.TrueAsync(() => _events.Received<ShelterOccupancyChanged>().Count(e => e.Message.ShelterId == shelter.Id) == 40, "40 occupancy events");
        Assert.Single(_events.Received<ShelterFull>(), e => e.Message.ShelterId == shelter.Id);
    }

    [Fact]
    public async Task An_arrival_over_capacity_says_how_many_places_remain_and_where_to_go()
    {
        using var client = factory.CreateClient();
        var small = await client.RegisterOpenAsync(Request("徐汇小学", "310104", 31.1900, 121.4400, capacity: 10));
        var near = await client.RegisterOpenAsync(Request("徐汇体育馆", "310104", 31.1950, 121.4400, capacity: 500));
        var far = await client.RegisterOpenAsync(Request("徐汇滨江绿地", "310104", 31.1600, 121.4600, capacity: 500));
        (await client.OccupancyAsync(small.Id, "arrival", 7)).EnsureSuccessStatusCode();

        using var refused = await client.OccupancyAsync(small.Id, "arrival", 5);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Equal(3, problem.GetProperty("remaining").GetInt32());
        Assert.Contains("3 places left", problem.GetProperty("detail").GetString());
        var alternatives = problem.GetProperty("alternatives").EnumerateArray().Select(a => a.GetProperty("id").GetGuid()).ToList();
        Assert.True(alternatives.IndexOf(near.Id) >= 0 && alternatives.IndexOf(near.Id) < alternatives.IndexOf(far.Id));
        Assert.DoesNotContain(small.Id, alternatives);
        Assert.Equal(7, (await client.GetShelterAsync(small.Id)).Occupancy);
    }

    [Fact]
    public async Task Departures_never_go_below_zero_and_a_full_shelter_reopens()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("杨浦公园", "310110", 31.2700, 121.5200, capacity: 5));
        (await client.OccupancyAsync(shelter.Id, "arrival", 5)).EnsureSuccessStatusCode();
        Assert.Equal(ShelterStatus.Full, (await client.GetShelterAsync(shelter.Id)).Status);

        using var tooMany = await client.OccupancyAsync(shelter.Id, "departure", 6);
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        Assert.Equal(5, (await tooMany.ProblemAsync()).GetProperty("occupancy").GetInt32());

        using var two = await client.OccupancyAsync(shelter.Id, "departure", 2);
        var result = await two.Content.ReadFromJsonAsync<OccupancyResponse>(Json);
        Assert.Equal(3, result!.Occupancy);
        Assert.Equal(ShelterStatus.Open, result.Status);
    }

    [Fact]
    public async Task A_counted_total_replaces_the_occupancy_within_capacity()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("普陀体育馆", "310107", 31.2500, 121.4000, capacity: 300));

        using var counted = await client.OccupancyAsync(shelter.Id, "count", 120);
        using var over = await client.OccupancyAsync(shelter.Id, "count", 301);

        Assert.Equal(120, (await counted.Content.ReadFromJsonAsync<OccupancyResponse>(Json))!.Occupancy);
        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Equal(120, (await client.GetShelterAsync(shelter.Id)).Occupancy);
    }

    [Fact]
    public async Task A_closed_shelter_refuses_arrivals_and_cannot_close_with_people_inside()
    {
        using var client = factory.CreateClient();
        var closed = await client.RegisterAsync(Request("虹口足球场", "310109", 31.2700, 121.4800));
        using var refused = await client.OccupancyAsync(closed.Id, "arrival", 1);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("closed", (await refused.ProblemAsync()).GetProperty("status").GetString());

        var open = await client.RegisterOpenAsync(Request("鲁迅公园", "310109", 31.2750, 121.4820));
        (await client.OccupancyAsync(open.Id, "arrival", 3)).EnsureSuccessStatusCode();
        using var close = await client.PostAsJsonAsync($"/api/shelters/{open.Id}/status", new ChangeStatusRequest("closed", null), Json);
        Assert.Equal(HttpStatusCode.Conflict, close.StatusCode);
        Assert.Contains("3 people", (await close.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("arrival", 0, "people")]
    [InlineData("departure", -1, "people")]
    [InlineData("leave", 1, "kind")]
    public async Task Bad_occupancy_input_is_a_400_naming_the_field(string kind, int people, string field)
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request($"校验-{Guid.NewGuid():N}", "310104", 31.19, 121.44));

        using var response = await client.OccupancyAsync(shelter.Id, kind, people);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task District_availability_in_redis_is_right_after_every_change()
    {
        using var client = factory.CreateClient();
        var a = await client.RegisterOpenAsync(Request("奉贤体育中心", "310120", 30.9200, 121.4700, capacity: 200));
        var b = await client.RegisterAsync(Request("奉贤中学", "310120", 30.9300, 121.4800, capacity: 100));

        await AssertAvailabilityAsync(client, open: 1, capacity: 300, occupancy: 0, available: 200);
        (await client.OccupancyAsync(a.Id, "arrival", 150)).EnsureSuccessStatusCode();
        await AssertAvailabilityAsync(client, open: 1, capacity: 300, occupancy: 150, available: 50);
        await client.SetStatusAsync(b.Id, "open");
        await AssertAvailabilityAsync(client, open: 2, capacity: 300, occupancy: 150, available: 150);
        (await client.OccupancyAsync(a.Id, "departure", 100)).EnsureSuccessStatusCode();
        await AssertAvailabilityAsync(client, open: 2, capacity: 300, occupancy: 50, available: 250);

        // The value served is the one in Redis, under the service's key prefix.
        var redis = factory.Services.GetRequiredService<StackExchange.Redis.IDatabase>();
        var cached = await redis.HashGetAsync("shelters:availability", "310120");
        Assert.Contains("\"available\":250", cached.ToString());
    }

    private static async Task AssertAvailabilityAsync(HttpClient client, int open, int capacity, int occupancy, int available)
    {
        var all = await client.GetFromJsonAsync<List<DistrictAvailability>>("/api/shelters/availability", Json);
        Assert.Equal(16, all!.Count);
        var fengxian = Assert.Single(all, d => d.DistrictCode == "310120");
        Assert.Equal(("奉贤区", open, capacity, occupancy, available), (fengxian.DistrictName, fengxian.OpenShelters, fengxian.Capacity, fengxian.Occupancy, fengxian.Available));
    }
}
