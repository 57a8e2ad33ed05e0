using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shelters.API.Extensions;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

/// <summary>
/// Where do I go? is answered without a token: GET /api/shelters/nearest, open shelters with room, public fields only.
/// Every other shelter endpoint keeps requiring its scope.
/// </summary>
public sealed class PublicAccessTests(SheltersFactory factory) : IClassFixture<SheltersFactory>
{
    [Fact]
    public void Only_the_nearest_shelter_query_is_anonymous_and_every_other_endpoint_requires_a_scope()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/shelters", StringComparison.Ordinal) == true).ToList();

        var anonymous = endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is not null).Select(e => e.RoutePattern.RawText);
        Assert.Equal(["/api/shelters/nearest"], anonymous);
        Assert.True(endpoints.Count >= 15, $"{endpoints.Count} shelter endpoints found");
        Assert.All(endpoints.Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null), e =>
        {
            var policies = e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            Assert.True(policies.Count > 0 && policies.All(p => p is not null && SheltersPolicies.All.Contains(p)), $"{e.DisplayName}: {string.Join(", ", policies)}");
        });
    }

    [Fact]
    public async Task The_public_finds_the_nearest_open_shelters_with_room_and_only_their_public_fields()
    {
        using var city = factory.CreateClient();
        // Chongming (崇明), away from every other test's shelters.
        var open = await city.RegisterOpenAsync(Request("崇明 open", "310151", 31.6230, 121.3970, capacity: 100));
        var little = await city.RegisterOpenAsync(Request("崇明 two places", "310151", 31.6232, 121.3972, capacity: 10));
        (await city.OccupancyAsync(little.Id, "arrival", 8)).EnsureSuccessStatusCode();
        var full = await city.RegisterOpenAsync(Request("崇明 full", "310151", 31.6231, 121.3971, capacity: 10));
        (await city.OccupancyAsync(full.Id, "arrival", 10)).EnsureSuccessStatusCode();
        await city.RegisterAsync(Request("崇明 closed", "310151", 31.6229, 121.3969, capacity: 1000));
        using var anonymous = factory.CreateClient().Anonymous();

        using var response = await anonymous.GetAsync("/api/shelters/nearest?lat=31.6230&lon=121.3970&people=5&limit=10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var found = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal([open.Id], found.Select(s => s.GetProperty("id").GetGuid()));
        // The public's answer: where it is and how much room; never the manager's name or the contact phone.
        Assert.Equal(["id", "name", "districtCode", "address", "latitude", "longitude", "available", "capacity", "distanceMetres"],
            found[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(100, found[0].GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task Without_a_token_every_other_shelter_endpoint_answers_401()
    {
        using var city = factory.CreateClient();
        var shelter = await city.RegisterAsync(Request($"匿名 {Guid.NewGuid():N}", "310115"));
        using var anonymous = factory.CreateClient().Anonymous();

        HttpResponseMessage[] refused =
        [
            await anonymous.GetAsync("/api/shelters"),
            await anonymous.GetAsync($"/api/shelters/{shelter.Id}"),
            await anonymous.GetAsync($"/api/shelters/{shelter.Id}/log"),
            await anonymous.GetAsync("/api/shelters/availability"),
            await anonymous.GetAsync("/api/shelters/export.csv"),
            await anonymous.GetAsync("/api/shelters/within?districts=310115"),
            await anonymous.PostAsJsonAsync($"/api/shelters/{shelter.Id}/status", new ChangeStatusRequest("open", "anyone"), Json),
        ];

        Assert.All(refused, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Equal(ShelterStatus.Closed, (await city.GetShelterAsync(shelter.Id)).Status);
        foreach (var r in refused) r.Dispose();
    }
}
