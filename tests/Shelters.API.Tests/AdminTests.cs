using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.Contracts.Shelters;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shelters.API.Extensions;
using Shelters.API.Infrastructure;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

/// <summary>An administrator corrects or deletes a shelter through the API; the shelter's log records who did what.</summary>
public sealed class AdminTests(SheltersFactory factory) : IClassFixture<SheltersFactory>, IAsyncLifetime
{
    private MessageRecorder _events = null!;

    public async Task InitializeAsync() => _events = await new MessageRecorder(factory.EntityPrefix).Record<ShelterClosed>().Record<ShelterFull>().StartAsync();

    public async Task DisposeAsync() => await _events.DisposeAsync();

    [Fact]
    public async Task A_correction_rewrites_the_registration_and_logs_who_changed_which_fields_from_what()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterAsync(Request("长宁区天山公园", "310105", 31.2150, 121.4050, capacity: 1000));
        var corrected = Request("长宁区天山公园（南区）", "310105", 31.2150, 121.4050, capacity: 800) with { Contact = "021-62590000" };

        using var response = await PutAsync(client, shelter.Id, corrected, user: "registry-admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var read = await client.GetShelterAsync(shelter.Id);
        Assert.Equal(("长宁区天山公园（南区）", 800, "021-62590000", 1600.0), (read.Name, read.Capacity, read.Contact, read.UsableArea));
        var entry = (await LogAsync(client, shelter.Id))[0];
        Assert.Equal((ShelterChangeKind.Corrected, "registry-admin"), (entry.Kind, entry.Actor));
        Assert.Contains("name: 长宁区天山公园 → 长宁区天山公园（南区）", entry.Note, StringComparison.Ordinal);
        Assert.Contains("capacity: 1000 → 800", entry.Note, StringComparison.Ordinal);
        Assert.Contains("usableArea: 2000 → 1600", entry.Note, StringComparison.Ordinal);
        Assert.Contains("contact: 021-58880000 → 021-62590000", entry.Note, StringComparison.Ordinal);
        Assert.DoesNotContain("address", entry.Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_correction_is_checked_as_a_registration_is_and_a_refused_one_changes_nothing()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterAsync(Request("长宁区中山公园", "310105", 31.2200, 121.4150));
        var other = await client.RegisterAsync(Request("长宁区新虹桥公园", "310105", 31.2100, 121.4000));

        using var infinite = await client.SendJsonAsync(HttpMethod.Put, $"/api/shelters/{shelter.Id}",
            RegistrationJson(Request("长宁区中山公园", "310105", 31.2200, 121.4150), "usableArea", "1e309"));
        using var outside = await PutAsync(client, shelter.Id, Request("长宁区中山公园", "310105", 39.9000, 116.4000));
        using var numeric = await client.SendJsonAsync(HttpMethod.Put, $"/api/shelters/{shelter.Id}",
            RegistrationJson(Request("长宁区中山公园", "310105", 31.2200, 121.4150), "kind", "\"42\""));
        using var taken = await PutAsync(client, shelter.Id, Request(other.Name, "310105", 31.2200, 121.4150));
        using var unknown = await PutAsync(client, Guid.NewGuid(), Request("无此场所", "310105", 31.2200, 121.4150));

        Assert.True((await infinite.ProblemAsync()).GetProperty("errors").TryGetProperty("usableArea", out _));
        Assert.True((await outside.ProblemAsync()).GetProperty("errors").TryGetProperty("latitude", out _));
        Assert.True((await numeric.ProblemAsync()).GetProperty("errors").TryGetProperty("kind", out _));
        Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);
        Assert.Contains(other.Name, (await taken.ProblemAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(shelter, await client.GetShelterAsync(shelter.Id), ShelterComparer.Instance);
        Assert.DoesNotContain(await LogAsync(client, shelter.Id), e => e.Kind == ShelterChangeKind.Corrected);
    }

    [Fact]
    public async Task A_capacity_below_the_people_inside_is_a_409_and_one_that_fills_the_shelter_marks_it_full()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("静安雕塑公园", "310106", 31.2350, 121.4650, capacity: 100));
        (await client.OccupancyAsync(shelter.Id, "arrival", 60)).EnsureSuccessStatusCode();

        using var tooSmall = await PutAsync(client, shelter.Id, Request("静安雕塑公园", "310106", 31.2350, 121.4650, capacity: 59));
        Assert.Equal(HttpStatusCode.Conflict, tooSmall.StatusCode);
        Assert.Equal(60, (await tooSmall.ProblemAsync()).GetProperty("occupancy").GetInt32());
        Assert.Equal(100, (await client.GetShelterAsync(shelter.Id)).Capacity);

        using var exact = await PutAsync(client, shelter.Id, Request("静安雕塑公园", "310106", 31.2350, 121.4650, capacity: 60));
        var read = await client.GetShelterAsync(shelter.Id);
        Assert.Equal((60, 60, ShelterStatus.Full), (read.Capacity, read.Occupancy, read.Status));
        await _events.WaitForAsync<ShelterFull>(e => e.ShelterId == shelter.Id);
        Assert.Equal([ShelterChangeKind.Status, ShelterChangeKind.Corrected], (await LogAsync(client, shelter.Id)).Take(2).Select(e => e.Kind));
    }

    [Fact]
    public async Task Moving_a_shelter_to_another_district_updates_both_districts_availability()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("嘉定紫藤园", "310114", 31.3800, 121.2600, capacity: 300));
        await AssertAvailableAsync(client, "310114", 300);

        using var moved = await PutAsync(client, shelter.Id, Request("嘉定紫藤园", "310118", 31.1500, 121.1300, capacity: 300));

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        await AssertAvailableAsync(client, "310114", 0);
        await AssertAvailableAsync(client, "310118", 300);
    }

    [Fact]
    public async Task A_shelter_stored_with_an_infinite_area_is_corrected_through_the_api()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterAsync(Request("崇明东平森林公园", "310151", 31.6800, 121.4800));
        await factory.PlantAsync("UPDATE Shelters SET UsableArea = 1e999 WHERE Id = $id", shelter.Id);

        using var response = await PutAsync(client, shelter.Id, Request("崇明东平森林公园", "310151", 31.6800, 121.4800));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(200, (await client.GetShelterAsync(shelter.Id)).UsableArea);
        Assert.Contains("usableArea: Infinity → 200", (await LogAsync(client, shelter.Id))[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shelter_with_people_inside_cannot_be_deleted()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("虹口和平公园", "310109", 31.2650, 121.5050));
        (await client.OccupancyAsync(shelter.Id, "arrival", 3)).EnsureSuccessStatusCode();

        using var response = await client.DeleteAsync($"/api/shelters/{shelter.Id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ProblemAsync();
        Assert.Equal(3, problem.GetProperty("occupancy").GetInt32());
        Assert.Contains("3 people", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3, (await client.GetShelterAsync(shelter.Id)).Occupancy);
        Assert.DoesNotContain(await LogAsync(client, shelter.Id), e => e.Kind == ShelterChangeKind.Deleted);
    }

    [Fact]
    public async Task A_deleted_shelter_leaves_every_list_and_query_and_its_log_records_the_deletion()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("杨浦共青森林公园", "310110", 31.3200, 121.5400, capacity: 500));
        await AssertAvailableAsync(client, "310110", 500);

        using var response = await SendAsync(client, HttpMethod.Delete, $"/api/shelters/{shelter.Id}?reason={Uri.EscapeDataString("重复登记")}", "registry-admin");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var get = await client.GetAsync($"/api/shelters/{shelter.Id}");
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain((await client.GetFromJsonAsync<PaginatedItems<ShelterResponse>>("/api/shelters?pageSize=200", Json))!.Data, s => s.Id == shelter.Id);
        Assert.DoesNotContain((await client.GetFromJsonAsync<List<ShelterResponse>>("/api/shelters/within?districts=310110", Json))!, s => s.Id == shelter.Id);
        Assert.DoesNotContain((await client.GetFromJsonAsync<List<NearbyShelter>>("/api/shelters/nearest?lat=31.32&lon=121.54&limit=50", Json))!, s => s.Id == shelter.Id);
        Assert.DoesNotContain(shelter.Id.ToString(), await client.GetStringAsync("/api/shelters/export.csv"), StringComparison.Ordinal);
        Assert.DoesNotContain(shelter.Id.ToString(), await client.GetStringAsync("/api/shelters/export.geojson"), StringComparison.Ordinal);
        await AssertAvailableAsync(client, "310110", 0);

        var deleted = (await LogAsync(client, shelter.Id))[0];
        Assert.Equal((ShelterChangeKind.Deleted, "registry-admin", "重复登记", ShelterStatus.Closed), (deleted.Kind, deleted.Actor, deleted.Note, deleted.StatusAfter));
        var closed = await _events.WaitForAsync<ShelterClosed>(e => e.ShelterId == shelter.Id);
        Assert.Equal("deleted", closed.Message.Reason);

        // Nothing changes it any more, and its name is free for a corrected registration.
        using var again = await client.DeleteAsync($"/api/shelters/{shelter.Id}");
        using var put = await PutAsync(client, shelter.Id, Request("杨浦共青森林公园", "310110", 31.3200, 121.5400));
        using var status = await client.PostAsJsonAsync($"/api/shelters/{shelter.Id}/status", new ChangeStatusRequest("open", null), Json);
        using var arrival = await client.OccupancyAsync(shelter.Id, "arrival", 1);
        Assert.All(new[] { again, put, status, arrival }, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        var successor = await client.RegisterAsync(Request("杨浦共青森林公园", "310110", 31.3200, 121.5400));
        Assert.NotEqual(shelter.Id, successor.Id);
    }

    [Fact]
    public void Correcting_and_deleting_need_the_admin_scope()
    {
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText == "/api/shelters/{id:guid}")
            .ToDictionary(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single());

        Assert.Equal([SheltersPolicies.Admin], endpoints["PUT"].Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));
        Assert.Equal([SheltersPolicies.Admin], endpoints["DELETE"].Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy));
        Assert.Contains(SheltersPolicies.Admin, SheltersPolicies.All);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, Guid id, RegisterShelterRequest request, string? user = null) =>
        SendAsync(client, HttpMethod.Put, $"/api/shelters/{id}", user, JsonContent.Create(request, options: Json));

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, string? user, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        if (user is not null)
        {
            request.Headers.Add(DevelopmentAuthenticationHandler.UserHeader, user);
        }
        return client.SendAsync(request);
    }

    private static async Task<IReadOnlyList<LogEntryResponse>> LogAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<PaginatedItems<LogEntryResponse>>($"/api/shelters/{id}/log", Json))!.Data;

    private static async Task AssertAvailableAsync(HttpClient client, string district, long available)
    {
        var all = await client.GetFromJsonAsync<List<DistrictAvailability>>("/api/shelters/availability", Json);
        Assert.Equal(available, all!.Single(d => d.DistrictCode == district).Available);
    }

    /// <summary>Shelters compared by value, lists included (records compare lists by reference).</summary>
    private sealed class ShelterComparer : IEqualityComparer<ShelterResponse>
    {
        public static readonly ShelterComparer Instance = new();

        public bool Equals(ShelterResponse? x, ShelterResponse? y) =>
            JsonSerializer.Serialize(x, Json) == JsonSerializer.Serialize(y, Json);

        public int GetHashCode(ShelterResponse obj) => JsonSerializer.Serialize(obj, Json).GetHashCode(StringComparison.Ordinal);
    }
}
