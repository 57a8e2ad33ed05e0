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

    /// <summary>Sends a body as written, for values a serializer would never produce (1e309, duplicate keys, NUL).</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string url, string json) =>
        client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") });

    /// <summary>A registration as JSON, with one property's value replaced by raw JSON text.</summary>
    public static string RegistrationJson(RegisterShelterRequest request, string property, string rawValue)
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(request, Json))!.AsObject();
        json[property] = "__raw__";
        return json.ToJsonString().Replace("\"__raw__\"", rawValue, StringComparison.Ordinal);
    }

    /// <summary>Writes to the service's SQLite file behind its back, as a build before the input rules could have; <c>$id</c> is the row's shelter.</summary>
    public static async Task PlantAsync(this SheltersFactory factory, string sql, Guid id) =>
        Assert.True(await factory.ExecuteAsync(sql, ("$id", ServiceDatabase.Key(id))) > 0, "the row to corrupt should exist");
}
