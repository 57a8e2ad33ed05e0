using EmergencyOps.Testing;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

public sealed class AreaAndExportTests(AreaAndExportTests.Seeded factory) : IClassFixture<AreaAndExportTests.Seeded>
{
    // A square around Lujiazui (31.22..31.25 N, 121.49..121.52 E) and a 2 km circle around Xujiahui.
    private const string Square = "31.22,121.49 31.22,121.52 31.25,121.52 31.25,121.49 31.22,121.49";
    private const string Circle = "31.1950,121.4370 2";
    private ShelterResponse _lujiazui => factory.Lujiazui;
    private ShelterResponse _xujiahui => factory.Xujiahui;
    private ShelterResponse _songjiang => factory.Songjiang;

    public sealed class Seeded : SheltersFactory, IAsyncLifetime
    {
        public ShelterResponse Lujiazui { get; private set; } = null!;
        public ShelterResponse Xujiahui { get; private set; } = null!;
        public ShelterResponse Songjiang { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            using var client = CreateClient();
            Lujiazui = await client.RegisterAsync(Request("陆家嘴中心绿地", "310115", 31.2360, 121.5030));
            Xujiahui = await client.RegisterAsync(Request("徐家汇公园", "310104", 31.1990, 121.4440)); // 0.79 km from the circle's centre
            Songjiang = await client.RegisterAsync(Request("松江大学城体育馆, \"一号馆\"", "310117", 31.0500, 121.2100, kind: "indoor"));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task Shelters_inside_a_polygon()
    {
        var inside = await WithinAsync($"polygon={Uri.EscapeDataString(Square)}");
        Assert.Equal([_lujiazui.Id], inside);
    }

    [Fact]
    public async Task Shelters_inside_a_circle()
    {
        var inside = await WithinAsync($"circle={Uri.EscapeDataString(Circle)}");
        Assert.Equal([_xujiahui.Id], inside);
    }

    [Fact]
    public async Task Shelters_outside_the_union_of_districts_polygon_and_circle()
    {
        var outside = await WithinAsync($"districts=310101&polygon={Uri.EscapeDataString(Square)}&circle={Uri.EscapeDataString(Circle)}&outside=true");
        Assert.Equal([_songjiang.Id], outside);
    }

    [Theory]
    [InlineData("polygon=31.22,121.49%2031.22,121.52%2031.25,121.52", "polygon")]
    [InlineData("polygon=31.22,121.49%2031.22,121.52%2031.25,121.52%2031.25,121.50", "polygon")]
    [InlineData("circle=31.19,121.43", "circle")]
    [InlineData("districts=999999", "districts")]
    [InlineData("outside=true", "area")]
    public async Task A_malformed_area_is_a_400_naming_it(string query, string field)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync($"/api/shelters/within?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ProblemAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task The_register_exports_as_csv_with_chinese_names_and_quoted_fields()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync("/api/shelters/export.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = System.Text.Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF').Split("\r\n".ToCharArray(), StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("id,name,kind,grade,district_code,district,", lines[0]);
        Assert.Equal(4, lines.Length);
        Assert.Contains(lines, l => l.StartsWith($"{_lujiazui.Id},陆家嘴中心绿地,outdoor,fixed,310115,浦东新区,", StringComparison.Ordinal) && l.Contains(",100,0,100,closed,false,water;power;toilets,typhoon;earthquake,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"松江大学城体育馆, \"\"一号馆\"\"\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_map_exports_as_geojson_with_longitude_first()
    {
        using var client = factory.CreateClient();

        using var document = JsonDocument.Parse(await client.GetStringAsync("/api/shelters/export.geojson"));

        var root = document.RootElement;
        Assert.Equal("FeatureCollection", root.GetProperty("type").GetString());
        var feature = root.GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetGuid() == _lujiazui.Id);
        Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
        Assert.Equal([121.5030, 31.2360], feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()));
        Assert.Equal(100, feature.GetProperty("properties").GetProperty("capacity").GetInt32());
    }

    private async Task<List<Guid>> WithinAsync(string query)
    {
        using var client = factory.CreateClient();
        var found = await client.GetFromJsonAsync<List<ShelterResponse>>($"/api/shelters/within?{query}", Json);
        return [.. found!.Select(s => s.Id)];
    }
}
