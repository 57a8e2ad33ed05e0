using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using Shelters.API.Model;

namespace Shelters.API.Tests;

internal static class ShelterTestData
{
    public static readonly JsonSerializerOptions Json = TestJson.Options;

    public static RegisterShelterRequest Request(
        string name, string district = "310115", double lat = 31.2200, double lon = 121.5400, int capacity = 100,
        string[]? suitable = null, string[]? unsuitable = null, string kind = "outdoor") =>
        new(name, kind, "fixed", district, "上海市浦东新区世纪大道100号", lat, lon, capacity * 2.0, capacity,
            ["water", "power", "toilets"], suitable ?? ["typhoon", "earthquake"], unsuitable ?? [], "王建国", "021-58880000");

    public static async Task<ShelterResponse> RegisterAsync(this HttpClient client, RegisterShelterRequest request)
    {
        using var response = await client.PostAsJsonAsync("/api/shelters", request, Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ShelterResponse>(Json))!;
    }

    public static async Task<ShelterResponse> RegisterOpenAsync(this HttpClient client, RegisterShelterRequest request)
    {
        var shelter = await client.RegisterAsync(request);
        await client.SetStatusAsync(shelter.Id, "open");
        return await client.GetShelterAsync(shelter.Id);
    }

    public static async Task SetStatusAsync(this HttpClient client, Guid id, string status)
    {
        using var response = await client.PostAsJsonAsync($"/api/shelters/{id}/status", new ChangeStatusRequest(status, "test"), Json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task<ShelterResponse> GetShelterAsync(this HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<ShelterResponse>($"/api/shelters/{id}", Json))!;

    public static Task<HttpResponseMessage> OccupancyAsync(this HttpClient client, Guid id, string kind, int people) =>
        client.PostAsJsonAsync($"/api/shelters/{id}/occupancy", new OccupancyRequest(kind, people, null), Json);

}
