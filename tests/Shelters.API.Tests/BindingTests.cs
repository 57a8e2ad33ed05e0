using System.Net;
using System.Net.Http.Json;
using EmergencyOps.ServiceDefaults;
using Shelters.API.Apis;
using Shelters.API.Infrastructure;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

/// <summary>A district operator (its token carries district) sees and acts on its own district's shelters only; the city sees all.</summary>
public sealed class BindingTests(SheltersFactory factory) : IClassFixture<SheltersFactory>
{
    private const string Pudong = "310115";
    private const string Huangpu = "310101";

    /// <summary>One shelter in Pudong and one in Huangpu, named for this test so lists can be told apart.</summary>
    private static async Task<(ShelterResponse Own, ShelterResponse Other)> TwoSheltersAsync(HttpClient city)
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var own = await city.RegisterAsync(Request($"浦东 {tag}", Pudong, 31.2200, 121.5400));
        var other = await city.RegisterAsync(Request($"黄浦 {tag}", Huangpu, 31.2300, 121.4800));
        return (own, other);
    }

    [Fact]
    public async Task An_operator_changes_status_occupancy_and_inspections_of_its_own_district_only()
    {
        using var city = factory.CreateClient();
        var (own, other) = await TwoSheltersAsync(city);
        using var op = factory.OperatorOf(Pudong);

        using var ownStatus = await op.PostAsJsonAsync($"/api/shelters/{own.Id}/status", new ChangeStatusRequest("open", "typhoon"), Json);
        using var ownArrival = await op.OccupancyAsync(own.Id, "arrival", 3);
        using var otherStatus = await op.PostAsJsonAsync($"/api/shelters/{other.Id}/status", new ChangeStatusRequest("open", "typhoon"), Json);
        using var otherArrival = await op.OccupancyAsync(other.Id, "arrival", 3);
        using var otherInspection = await op.PostAsJsonAsync($"/api/shelters/{other.Id}/inspections",
            new RecordInspectionRequest(DateOnly.FromDateTime(DateTime.UtcNow), "李检查", "exits blocked", false), Json);

        Assert.Equal(HttpStatusCode.OK, ownStatus.StatusCode);
        Assert.Equal(ShelterStatus.Open, (await ownStatus.Content.ReadFromJsonAsync<ShelterResponse>(Json))!.Status);
        Assert.Equal(3, (await ownArrival.Content.ReadFromJsonAsync<OccupancyResponse>(Json))!.Occupancy);
        await otherStatus.AssertNotYoursAsync(other, Pudong);
        await otherArrival.AssertNotYoursAsync(other, Pudong);
        await otherInspection.AssertNotYoursAsync(other, Pudong);
        // Nothing reached the Huangpu shelter: still closed, empty, in service, with only its registration logged.
        var after = await city.GetShelterAsync(other.Id);
        Assert.Equal((ShelterStatus.Closed, 0, false), (after.Status, after.Occupancy, after.OutOfService));
        var log = await city.GetFromJsonAsync<PaginatedItems<LogEntryResponse>>($"/api/shelters/{other.Id}/log", Json);
        Assert.Equal([ShelterChangeKind.Registered], log!.Data.Select(e => e.Kind));
        Assert.Equal("operator of 310115", (await city.GetFromJsonAsync<PaginatedItems<LogEntryResponse>>($"/api/shelters/{own.Id}/log", Json))!.Data[0].Actor);
    }

    [Fact]
    public async Task An_operator_reads_its_own_districts_shelters_and_is_refused_another_districts()
    {
        using var city = factory.CreateClient();
        var (own, other) = await TwoSheltersAsync(city);
        using var op = factory.OperatorOf(Pudong);

        var mine = await op.GetShelterAsync(own.Id);
        var myLog = await op.GetFromJsonAsync<PaginatedItems<LogEntryResponse>>($"/api/shelters/{own.Id}/log", Json);
        var myInspections = await op.GetFromJsonAsync<List<InspectionResponse>>($"/api/shelters/{own.Id}/inspections", Json);
        using var theirs = await op.GetAsync($"/api/shelters/{other.Id}");
        using var theirLog = await op.GetAsync($"/api/shelters/{other.Id}/log");
        using var theirInspections = await op.GetAsync($"/api/shelters/{other.Id}/inspections");

        Assert.Equal((own.Name, Pudong), (mine.Name, mine.DistrictCode));
        Assert.Equal([ShelterChangeKind.Registered], myLog!.Data.Select(e => e.Kind));
        Assert.Empty(myInspections!);
        await theirs.AssertNotYoursAsync(other, Pudong);
        await theirLog.AssertNotYoursAsync(other, Pudong);
        await theirInspections.AssertNotYoursAsync(other, Pudong);
    }

    [Fact]
    public async Task Lists_areas_exports_and_availability_hold_only_the_own_district()
    {
        using var city = factory.CreateClient();
        var (own, other) = await TwoSheltersAsync(city);
        using var op = factory.OperatorOf(Pudong);

        var list = await op.GetFromJsonAsync<PaginatedItems<ShelterResponse>>("/api/shelters?pageSize=100", Json);
        var asked = await op.GetFromJsonAsync<PaginatedItems<ShelterResponse>>($"/api/shelters?district={Huangpu}", Json);
        var within = await op.GetFromJsonAsync<List<ShelterResponse>>($"/api/shelters/within?districts={Pudong},{Huangpu}", Json);
        var csv = await op.GetStringAsync("/api/shelters/export.csv");
        var geo = await op.GetFromJsonAsync<GeoJsonFeatures>("/api/shelters/export.geojson", Json);
        var availability = await op.GetFromJsonAsync<List<DistrictAvailability>>("/api/shelters/availability", Json);

        Assert.Contains(list!.Data, s => s.Id == own.Id);
        Assert.All(list.Data, s => Assert.Equal(Pudong, s.DistrictCode));
        Assert.Equal(list.Data.Count, list.Count);
        Assert.Equal(0, asked!.Count);
        Assert.Contains(within!, s => s.Id == own.Id);
        Assert.All(within!, s => Assert.Equal(Pudong, s.DistrictCode));
        Assert.Contains(own.Name, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, csv, StringComparison.Ordinal);
        Assert.All(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1), line => Assert.Equal(Pudong, line.Split(',')[4]));
        Assert.Contains(geo!.Features, f => f.Id == own.Id);
        Assert.All(geo.Features, f => Assert.Equal(Pudong, f.Properties.DistrictCode));
        Assert.Equal([Pudong], availability!.Select(a => a.DistrictCode));
    }

    [Fact]
    public async Task The_city_sees_every_district()
    {
        using var city = factory.CreateClient();
        city.DefaultRequestHeaders.Add(DevelopmentAuthenticationHandler.ScopesHeader, Operators.OperatorScopes);
        using var admin = factory.CreateClient();
        var (own, other) = await TwoSheltersAsync(admin);

        var list = await city.GetFromJsonAsync<PaginatedItems<ShelterResponse>>("/api/shelters?pageSize=100", Json);
        var availability = await city.GetFromJsonAsync<List<DistrictAvailability>>("/api/shelters/availability", Json);
        using var status = await city.PostAsJsonAsync($"/api/shelters/{other.Id}/status", new ChangeStatusRequest("standby", "drill"), Json);

        Assert.Superset(new HashSet<Guid> { own.Id, other.Id }, list!.Data.Select(s => s.Id).ToHashSet());
        Assert.Contains(availability!, a => a.DistrictCode == Huangpu);
        Assert.Contains(availability!, a => a.DistrictCode == Pudong);
        Assert.Equal(ShelterStatus.Standby, (await status.Content.ReadFromJsonAsync<ShelterResponse>(Json))!.Status);
    }

    [Fact]
    public async Task Registrations_corrections_and_deletions_stay_within_the_own_district_too()
    {
        using var city = factory.CreateClient();
        var (own, other) = await TwoSheltersAsync(city);
        // Every scope of the service, as no real bound role holds: the binding alone keeps it to its own district.
        using var op = factory.OperatorOf(Pudong, scopes: null);

        using var register = await op.PostAsJsonAsync("/api/shelters", Request($"新 {other.Name}", Huangpu, 31.2300, 121.4800), Json);
        using var correct = await op.PutAsJsonAsync($"/api/shelters/{other.Id}", Request(other.Name, Huangpu, 31.2300, 121.4800, capacity: 50), Json);
        using var moveAway = await op.PutAsJsonAsync($"/api/shelters/{own.Id}", Request(own.Name, Huangpu, 31.2300, 121.4800), Json);
        using var delete = await op.DeleteAsync($"/api/shelters/{other.Id}?reason=test");

        await register.AssertNotYoursAsync($"a new shelter in district {Huangpu}", Pudong);
        await correct.AssertNotYoursAsync(other, Pudong);
        await moveAway.AssertNotYoursAsync($"district {Huangpu}", Pudong, own.Name);
        await delete.AssertNotYoursAsync(other, Pudong);
        var unchanged = await city.GetShelterAsync(other.Id);
        Assert.Equal((100, Huangpu), (unchanged.Capacity, unchanged.DistrictCode));
        Assert.Equal(Pudong, (await city.GetShelterAsync(own.Id)).DistrictCode);
        var names = (await city.GetFromJsonAsync<PaginatedItems<ShelterResponse>>($"/api/shelters?district={Huangpu}&pageSize=100", Json))!.Data.Select(s => s.Name);
        Assert.DoesNotContain($"新 {other.Name}", names);
    }
}
