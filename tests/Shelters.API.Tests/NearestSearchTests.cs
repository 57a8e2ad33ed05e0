using System.Net.Http.Json;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

/// <summary>
/// The nearest-shelter search reads a box around the point that widens until it holds enough shelters no farther than
/// its half-width. Around a point in Chongming (31.60, 121.40), far from any other shelter: X sits in the corner of the
/// first box (2 km half-width), 2 687 m away; Y just beyond its northern edge, 2 100 m away. A search that took the
/// first box's shelters as they came would offer X first.
/// </summary>
public sealed class NearestSearchTests(NearestSearchTests.Seeded factory) : IClassFixture<NearestSearchTests.Seeded>
{
    public sealed class Seeded : SheltersFactory, IAsyncLifetime
    {
        public ShelterResponse X { get; private set; } = null!;
        public ShelterResponse Y { get; private set; } = null!;
        public ShelterResponse Far { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            using var client = CreateClient();
            X = await client.RegisterOpenAsync(Request("X box corner", "310151", 31.617087, 121.420064, capacity: 100));
            Y = await client.RegisterOpenAsync(Request("Y beyond the edge", "310151", 31.618886, 121.400000, capacity: 100));
            Far = await client.RegisterOpenAsync(Request("Far, Jinshan", "310116", 30.740000, 121.340000, capacity: 100));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task A_shelter_beyond_the_first_box_but_nearer_comes_before_one_in_its_corner()
    {
        using var client = factory.CreateClient();

        var one = await client.GetFromJsonAsync<List<NearbyShelter>>("/api/shelters/nearest?lat=31.60&lon=121.40&limit=1", Json);
        var two = await client.GetFromJsonAsync<List<NearbyShelter>>("/api/shelters/nearest?lat=31.60&lon=121.40&limit=2", Json);

        Assert.Equal([factory.Y.Id], one!.Select(s => s.Id));
        Assert.Equal([factory.Y.Id, factory.X.Id], two!.Select(s => s.Id));
        Assert.Equal([2100, 2687], two!.Select(s => s.DistanceMetres));
    }

    [Fact]
    public async Task A_point_far_from_every_shelter_still_gets_them_all_nearest_first()
    {
        using var client = factory.CreateClient();

        // Beijing: about 1 000 km from each, so the box widens to the whole world.
        var found = await client.GetFromJsonAsync<List<NearbyShelter>>("/api/shelters/nearest?lat=39.9042&lon=116.4074&limit=10", Json);

        Assert.Equal([factory.Y.Id, factory.X.Id, factory.Far.Id], found!.Select(s => s.Id));
        Assert.All(found!, s => Assert.InRange(s.DistanceMetres, 900_000, 1_200_000));
    }

    [Fact]
    public async Task Near_the_antimeridian_the_search_takes_every_longitude()
    {
        using var client = factory.CreateClient();

        var found = await client.GetFromJsonAsync<List<NearbyShelter>>("/api/shelters/nearest?lat=31.6&lon=179.999&limit=3", Json);

        Assert.Equal(3, found!.Count);
    }
}
