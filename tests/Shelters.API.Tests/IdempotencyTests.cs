using EmergencyOps.Testing;
using System.Net;
using System.Net.Http.Json;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

/// <summary>A retried POST (lost answer, client timeout) must not count people twice.</summary>
public sealed class IdempotencyTests(SheltersFactory factory) : IClassFixture<SheltersFactory>
{
    [Fact]
    public async Task A_retried_arrival_is_applied_once_and_gets_the_first_answer_again()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("宝山滨江公园", "310113", 31.4100, 121.5000, capacity: 100));
        var key = Guid.NewGuid().ToString();

        using var first = await ArrivalAsync(client, shelter.Id, 30, key);
        using var retry = await ArrivalAsync(client, shelter.Id, 30, key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(30, (await client.GetShelterAsync(shelter.Id)).Occupancy);
    }

    [Fact]
    public async Task Concurrent_duplicates_with_one_key_are_applied_once()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("宝山体育馆", "310113", 31.4000, 121.4800, capacity: 100));
        var key = Guid.NewGuid().ToString();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await ArrivalAsync(client, shelter.Id, 10, key);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Equal(10, (await client.GetShelterAsync(shelter.Id)).Occupancy);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_and_changes_nothing()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("宝山中学", "310113", 31.3900, 121.4700, capacity: 100));
        var key = Guid.NewGuid().ToString();
        (await ArrivalAsync(client, shelter.Id, 5, key)).EnsureSuccessStatusCode();

        using var reused = await ArrivalAsync(client, shelter.Id, 50, key);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, reused.StatusCode);
        Assert.Contains(key, (await reused.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(5, (await client.GetShelterAsync(shelter.Id)).Occupancy);
    }

    [Fact]
    public async Task A_retried_registration_returns_the_same_shelter_and_location()
    {
        using var client = factory.CreateClient();
        var key = Guid.NewGuid().ToString();

        using var first = await RegisterAsync(client, key);
        using var retry = await RegisterAsync(client, key);

        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        var a = await first.Content.ReadFromJsonAsync<ShelterResponse>(Json);
        var b = await retry.Content.ReadFromJsonAsync<ShelterResponse>(Json);
        Assert.Equal(a!.Id, b!.Id);
    }

    private static Task<HttpResponseMessage> ArrivalAsync(HttpClient client, Guid id, int people, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/shelters/{id}/occupancy") { Content = JsonContent.Create(new OccupancyRequest("arrival", people, null), options: Json) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static Task<HttpResponseMessage> RegisterAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/shelters") { Content = JsonContent.Create(Request("宝山炮台湾湿地公园", "310113", 31.4200, 121.5100), options: Json) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
