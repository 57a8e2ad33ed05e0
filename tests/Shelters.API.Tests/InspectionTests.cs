using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Shelters;
using EmergencyOps.Testing;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

public sealed class InspectionTests(SheltersFactory factory) : IClassFixture<SheltersFactory>, IAsyncLifetime
{
    private MessageRecorder _events = null!;

    public async Task InitializeAsync() => _events = await new MessageRecorder(factory.EntityPrefix).Record<ShelterClosed>().StartAsync();

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
