using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Shelters;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

public sealed class InspectionTests(SheltersFactory factory) : IClassFixture<SheltersFactory>, IAsyncLifetime
{
    private MessageRecorder _events = null!;

    public async Task InitializeAsync() => _events = await new MessageRecorder(factory.EntityPrefix)
        .Record<ShelterClosed>().Record<ShelterOpened>().Record<ShelterRelocationRequested>().StartAsync();

    public async Task DisposeAsync() => await _events.DisposeAsync();

    [Fact]
    public async Task A_failed_inspection_takes_the_shelter_out_of_service_until_one_passes()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("长宁体育中心", "310105", 31.2100, 121.4100));

        using var failed = await client.PostAsJsonAsync($"/api/shelters/{shelter.Id}/inspections",
            new RecordInspectionRequest(new DateOnly(2026, 11, 2), "李检查", "应急照明失效，消防通道堵塞", false), Json);
        Assert.Equal(HttpStatusCode.Created, failed.StatusCode);

        var after = await client.GetShelterAsync(shelter.Id);
        Assert.True(after.OutOfService);
        Assert.Equal(ShelterStatus.Closed, after.Status);
        var closed = await _events.WaitForAsync<ShelterClosed>(e => e.ShelterId == shelter.Id);
        Assert.True(closed.Message.OutOfService);
        Assert.Equal("failed inspection", closed.Message.Reason);

        using var reopen = await client.PostAsJsonAsync($"/api/shelters/{shelter.Id}/status", new ChangeStatusRequest("open", null), Json);
        Assert.Equal(HttpStatusCode.Conflict, reopen.StatusCode);
        var nearest = await client.GetFromJsonAsync<List<NearbyShelter>>("/api/shelters/nearest?lat=31.21&lon=121.41&people=1&limit=50", Json);
        Assert.DoesNotContain(nearest!, s => s.Id == shelter.Id);

        using var passed = await client.PostAsJsonAsync($"/api/shelters/{shelter.Id}/inspections",
            new RecordInspectionRequest(new DateOnly(2026, 11, 9), "李检查", "整改完成", true), Json);
        Assert.False((await passed.Content.ReadFromJsonAsync<InspectionResponse>(Json))!.ShelterOutOfService);
        await client.SetStatusAsync(shelter.Id, "open");

        var history = await client.GetFromJsonAsync<List<InspectionResponse>>($"/api/shelters/{shelter.Id}/inspections", Json);
        Assert.Equal([true, false], history!.Select(i => i.Passed));
    }

    [Fact]
    public async Task A_failed_inspection_with_people_inside_is_recorded_keeps_them_refuses_arrivals_and_asks_for_relocation()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("闵行文化公园避难场所", "310112", 31.1000, 121.4200));
        var roomy = await client.RegisterOpenAsync(Request("闵行体育公园避难场所", "310112", 31.1050, 121.4250));
        var tooSmall = await client.RegisterOpenAsync(Request("闵行小学避难场所", "310112", 31.1010, 121.4210, capacity: 20));
        using (var arrived = await client.OccupancyAsync(shelter.Id, "arrival", 30))
        {
            Assert.Equal(HttpStatusCode.OK, arrived.StatusCode);
        }

        using var failed = await client.PostAsJsonAsync($"/api/shelters/{shelter.Id}/inspections",
            new RecordInspectionRequest(new DateOnly(2026, 11, 2), "李检查", "承重墙开裂", false), Json);

        Assert.Equal(HttpStatusCode.Created, failed.StatusCode);
        var answer = (await failed.Content.ReadFromJsonAsync<InspectionResponse>(Json))!;
        Assert.False(answer.Passed);
        Assert.True(answer.ShelterOutOfService);
        Assert.Equal(30, answer.Relocation!.Occupants);
        Assert.Equal(roomy.Id, answer.Relocation.Alternatives[0].Id);
        Assert.DoesNotContain(answer.Relocation.Alternatives, a => a.Id == tooSmall.Id || a.Id == shelter.Id);

        var after = await client.GetShelterAsync(shelter.Id);
        Assert.True(after.OutOfService);
        Assert.Equal(30, after.Occupancy);
        Assert.Equal(ShelterStatus.Open, after.Status);
        var inspections = await client.GetFromJsonAsync<List<InspectionResponse>>($"/api/shelters/{shelter.Id}/inspections", Json);
        Assert.Equal("承重墙开裂", Assert.Single(inspections!).Findings);
        var log = (await client.GetFromJsonAsync<PaginatedItems<LogEntryResponse>>($"/api/shelters/{shelter.Id}/log", Json))!.Data;
        Assert.Equal("failed with 30 people inside: out of service for new arrivals, relocation requested: 承重墙开裂",
            log.First(e => e.Kind == ShelterChangeKind.Inspection).Note);

        var requested = await _events.WaitForAsync<ShelterRelocationRequested>(e => e.ShelterId == shelter.Id);
        Assert.Equal(30, requested.Message.Occupants);
        Assert.Equal("承重墙开裂", requested.Message.Findings);
        Assert.Equal(roomy.Id, requested.Message.Alternatives[0].ShelterId);
        Assert.DoesNotContain(requested.Message.Alternatives, a => a.ShelterId == tooSmall.Id);

        using var arrival = await client.OccupancyAsync(shelter.Id, "arrival", 1);
        Assert.Equal(HttpStatusCode.Conflict, arrival.StatusCode);
        using var departure = await client.OccupancyAsync(shelter.Id, "departure", 10);
        Assert.Equal(HttpStatusCode.OK, departure.StatusCode);
        using var count = await client.OccupancyAsync(shelter.Id, "count", 15);
        Assert.Equal(HttpStatusCode.OK, count.StatusCode);
        Assert.Equal(15, (await client.GetShelterAsync(shelter.Id)).Occupancy);
    }

    [Fact]
    public async Task A_passing_inspection_returns_the_shelter_to_its_status_before_the_failure()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("徐汇滨江避难场所", "310104", 31.1700, 121.4700));
        await client.InspectAsync(shelter.Id, passed: false);
        Assert.Equal(ShelterStatus.Closed, (await client.GetShelterAsync(shelter.Id)).Status);

        await client.InspectAsync(shelter.Id, passed: true);

        var after = await client.GetShelterAsync(shelter.Id);
        Assert.False(after.OutOfService);
        Assert.Equal(ShelterStatus.Open, after.Status);
        var log = (await client.GetFromJsonAsync<PaginatedItems<LogEntryResponse>>($"/api/shelters/{shelter.Id}/log", Json))!.Data;
        var restored = log.First(e => e.Kind == ShelterChangeKind.Status);
        Assert.Equal(ShelterStatus.Open, restored.StatusAfter);
        Assert.Equal("inspection passed: back to open, its status before the failed inspection", restored.Note);
        // Opened once by the operator, once more by the passing inspection.
        await Eventually.TrueAsync(() => _events.Received<ShelterOpened>().Count(e => e.Message.ShelterId == shelter.Id) == 2, "the reopening on the broker");
    }

    [Fact]
    public async Task A_passing_inspection_leaves_the_status_an_operator_set_after_the_failure()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterOpenAsync(Request("徐汇植物园避难场所", "310104", 31.1500, 121.4400));
        await client.InspectAsync(shelter.Id, passed: false);
        await client.SetStatusAsync(shelter.Id, "closed");

        await client.InspectAsync(shelter.Id, passed: true);

        var after = await client.GetShelterAsync(shelter.Id);
        Assert.False(after.OutOfService);
        Assert.Equal(ShelterStatus.Closed, after.Status);
    }

    [Fact]
    public async Task Each_inspection_row_shows_whether_that_inspection_left_the_shelter_out_of_service()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterAsync(Request("宝山滨江避难场所", "310113", 31.4050, 121.4900));
        await client.InspectAsync(shelter.Id, passed: false);
        await client.InspectAsync(shelter.Id, passed: true);

        var history = await client.GetFromJsonAsync<List<InspectionResponse>>($"/api/shelters/{shelter.Id}/inspections", Json);

        Assert.Equal([(true, false), (false, true)], history!.Select(i => (i.Passed, i.ShelterOutOfService)));
    }

    [Fact]
    public async Task An_inspection_needs_a_past_date_an_inspector_findings_and_a_verdict()
    {
        using var client = factory.CreateClient();
        var shelter = await client.RegisterAsync(Request("宝山体育中心", "310113", 31.4000, 121.4500));

        using var response = await client.PostAsJsonAsync($"/api/shelters/{shelter.Id}/inspections",
            new RecordInspectionRequest(new DateOnly(2999, 1, 1), " ", null, null), Json);

        var errors = (await response.ProblemAsync()).GetProperty("errors");
        Assert.All(new[] { "date", "inspector", "findings", "passed" }, f => Assert.True(errors.TryGetProperty(f, out _), f));
        Assert.False((await client.GetShelterAsync(shelter.Id)).OutOfService);
    }
}

file static class InspectionRequests
{
    public static async Task InspectAsync(this HttpClient client, Guid id, bool passed)
    {
        using var response = await client.PostAsJsonAsync($"/api/shelters/{id}/inspections",
            new RecordInspectionRequest(new DateOnly(2026, 11, passed ? 9 : 2), "李检查", passed ? "整改完成" : "应急照明失效", passed), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
