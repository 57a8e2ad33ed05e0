using EmergencyOps.Testing;
using System.Net;
using System.Net.Http.Json;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

/// <summary>Distances from People's Square (31.2304, 121.4737), computed by hand with the haversine formula, R = 6 371 000 m.</summary>
public sealed class NearestTests(NearestTests.Seeded factory) : IClassFixture<NearestTests.Seeded>
{
    private ShelterResponse _a => factory.A;
    private ShelterResponse _b => factory.B;
    private ShelterResponse _c => factory.C;
    private ShelterResponse _d => factory.D;

    public sealed class Seeded : SheltersFactory, IAsyncLifetime
    {
        public ShelterResponse A { get; private set; } = null!;
        public ShelterResponse B { get; private set; } = null!;
        public ShelterResponse C { get; private set; } = null!;
        public ShelterResponse D { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            using var client = CreateClient();
            A = await client.RegisterOpenAsync(Request("A 1881.8 m", "310101", 31.2400, 121.4900, capacity: 100));
            B = await client.RegisterOpenAsync(Request("B 4062.8 m", "310104", 31.2000, 121.4500, capacity: 100));
            C = await client.RegisterOpenAsync(Request("C 8132.9 m", "310110", 31.3000, 121.5000, capacity: 1000));
            D = await client.RegisterOpenAsync(Request("D 72.6 m", "310101", 31.2310, 121.4740, capacity: 10));
            (await client.OccupancyAsync(D.Id, "arrival", 8)).EnsureSuccessStatusCode();
            await client.RegisterAsync(Request("E closed, 50 m", "310101", 31.2306, 121.4741, capacity: 1000));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task Open_shelters_with_room_come_nearest_first_with_their_distance_in_metres()
    {
        using var client = factory.CreateClient();

        var found = await client.GetFromJsonAsync<List<NearbyShelter>>("/api/shelters/nearest?lat=31.2304&lon=121.4737&people=5&limit=10", Json);

        Assert.Equal([_a.Id, _b.Id, _c.Id], found!.Select(s => s.Id));
        Assert.Equal([1882, 4063, 8133], found!.Select(s => s.DistanceMetres));
    }

    [Fact]
    public async Task A_small_group_gets_the_nearby_shelter_with_two_places_left()
    {
        using var client = factory.CreateClient();

        var found = await client.GetFromJsonAsync<List<NearbyShelter>>("/api/shelters/nearest?lat=31.2304&lon=121.4737&people=2&limit=2", Json);

        Assert.Equal([_d.Id, _a.Id], found!.Select(s => s.Id));
        Assert.Equal(73, found![0].DistanceMetres);
        Assert.Equal(2, found[0].Available);
    }

    [Fact]
    public async Task Only_shelters_with_room_for_everyone_are_offered()
    {
        using var client = factory.CreateClient();

        var found = await client.GetFromJsonAsync<List<NearbyShelter>>("/api/shelters/nearest?lat=31.2304&lon=121.4737&people=200", Json);

        Assert.Equal([_c.Id], found!.Select(s => s.Id));
    }

    [Theory]
    [InlineData("lon=121.47&people=1", "lat")]
    [InlineData("lat=95&lon=121.47", "lat")]
    [InlineData("lat=31.2&lon=121.47&people=0", "people")]
    [InlineData("lat=31.2&lon=121.47&limit=500", "limit")]
    public async Task Bad_queries_are_a_400_naming_the_parameter(string query, string field)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/shelters/nearest?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }
}
