using EmergencyOps.Testing;
using EmergencyOps.ServiceDefaults;
using System.Net;
using System.Net.Http.Json;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

public sealed class RegistrationTests(SheltersFactory factory) : IClassFixture<SheltersFactory>
{
    [Fact]
    public async Task A_registered_shelter_is_returned_closed_and_empty_with_its_district_name()
    {
        using var client = factory.CreateClient();

        var shelter = await client.RegisterAsync(Request("世纪公园避难场所", capacity: 12000));

        var read = await client.GetShelterAsync(shelter.Id);
        Assert.Equal("世纪公园避难场所", read.Name);
        Assert.Equal("浦东新区", read.DistrictName);
        Assert.Equal(ShelterStatus.Closed, read.Status);
        Assert.Equal(0, read.Occupancy);
        Assert.Equal(12000, read.Available);
        Assert.Equal(["typhoon", "earthquake"], read.SuitableHazards);
    }

    [Theory]
    [InlineData("capacity", 0, 31.22, 121.54, "310115")]
    [InlineData("capacity", -5, 31.22, 121.54, "310115")]
    [InlineData("latitude", 100, 39.90, 116.40, "310115")]
    [InlineData("latitude", 100, 0, 0, "310115")]
    [InlineData("districtCode", 100, 31.22, 121.54, "110101")]
    [InlineData("districtCode", 100, 31.22, 121.54, "pudong")]
    public async Task Invalid_input_is_a_400_naming_the_field_and_stores_nothing(string field, int capacity, double lat, double lon, string district)
    {
        using var client = factory.CreateClient();
        var name = $"invalid-{Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync("/api/shelters", Request(name, district, lat, lon, capacity), Json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out var messages), $"errors should name '{field}'");
        Assert.NotEmpty(messages.EnumerateArray());
        var listed = await client.GetFromJsonAsync<PaginatedItems<ShelterResponse>>("/api/shelters?pageSize=200", Json);
        Assert.DoesNotContain(listed!.Data, s => s.Name == name);
    }

    [Fact]
    public async Task Unknown_hazards_and_contradictions_are_named()
    {
        using var client = factory.CreateClient();
        var request = Request("矛盾场所", suitable: ["typhoon", "volcano"], unsuitable: ["typhoon"]);

        using var response = await client.PostAsJsonAsync("/api/shelters", request, Json);

        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.Contains("volcano", errors.GetProperty("suitableHazards")[0].GetString());
        Assert.Contains("typhoon", errors.GetProperty("unsuitableHazards")[0].GetString());
    }

    [Fact]
    public async Task A_duplicate_name_is_a_409()
    {
        using var client = factory.CreateClient();
        await client.RegisterAsync(Request("上海体育场"));

        using var response = await client.PostAsJsonAsync("/api/shelters", Request("上海体育场"), Json);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("上海体育场", (await response.ProblemAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task An_unknown_shelter_is_a_404_problem()
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync($"/api/shelters/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await response.ProblemAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Listing_filters_by_district_status_and_hazard_suitability()
    {
        using var client = factory.CreateClient();
        var park = await client.RegisterOpenAsync(Request("闵行体育公园", "310112", 31.1500, 121.3700, suitable: ["earthquake"], unsuitable: ["waterlogging"]));
        var school = await client.RegisterAsync(Request("闵行中学", "310112", 31.1400, 121.3800, suitable: ["typhoon", "waterlogging"], kind: "indoor"));

        var open = await client.GetFromJsonAsync<PaginatedItems<ShelterResponse>>("/api/shelters?district=310112&status=open", Json);
        var forFloods = await client.GetFromJsonAsync<PaginatedItems<ShelterResponse>>("/api/shelters?district=310112&suitableFor=waterlogging", Json);

        Assert.Equal([park.Id], open!.Data.Select(s => s.Id));
        Assert.Equal([school.Id], forFloods!.Data.Select(s => s.Id));
    }

    [Fact]
    public async Task Malformed_json_and_unknown_filter_values_are_400_problems_not_500s()
    {
        using var client = factory.CreateClient();
        using var body = new StringContent("{\"name\": ", System.Text.Encoding.UTF8, "application/json");

        using var malformed = await client.PostAsync("/api/shelters", body);
        using var badFilter = await client.GetAsync("/api/shelters?status=burning");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(400, (await malformed.ProblemAsync()).GetProperty("status").GetInt32());
        Assert.True((await badFilter.ProblemAsync()).GetProperty("errors").TryGetProperty("status", out _));
    }
}
