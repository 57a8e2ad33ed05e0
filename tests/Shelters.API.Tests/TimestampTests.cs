using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using MassTransit;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

/// <summary>
/// Every time in every answer is China Standard Time with its offset, also after the database round trip: SQLite hands
/// DateTime values back without a kind, which would otherwise be written with no zone at all.
/// </summary>
public sealed class TimestampTests(SheltersFactory factory) : IClassFixture<SheltersFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
        _bus = await new MessageRecorder(factory.EntityPrefix).StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task Every_time_in_every_answer_carries_the_China_offset()
    {
        // Log entries of every origin: registration, an operator's status change, arrivals, a failed and a passed
        // inspection, and a warning that puts a shelter on standby.
        var park = await _client.RegisterOpenAsync(Request("浦东时间公园避难场所", "310115", 31.2200, 121.5400));
        var school = await _client.RegisterAsync(Request("崇明时间中学", "310151", 31.6200, 121.4000, suitable: ["typhoon"], kind: "indoor"));
        using (var arrived = await _client.OccupancyAsync(park.Id, "arrival", 30))
        {
            Assert.Equal(HttpStatusCode.OK, arrived.StatusCode);
        }
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        using (var failed = await _client.PostAsJsonAsync($"/api/shelters/{park.Id}/inspections", new RecordInspectionRequest(today, "李检查", "消防通道堵塞", false), Json))
        {
            Assert.Equal(HttpStatusCode.Created, failed.StatusCode);
        }
        using (var passed = await _client.PostAsJsonAsync($"/api/shelters/{park.Id}/inspections", new RecordInspectionRequest(today, "李检查", "整改完成", true), Json))
        {
            Assert.Equal(HttpStatusCode.Created, passed.StatusCode);
        }
        var warning = new WarningIssued(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), Guid.NewGuid(), 1,
            WarningTypes.Typhoon, WarningLevel.Orange, false, new WarningArea(["310151"]), "台风橙色预警", null);
        await _bus.Bus.Publish(warning, ctx => ctx.MessageId = warning.EventId);
        await Eventually.TrueAsync(async () => (await _client.GetShelterAsync(school.Id)).Status == ShelterStatus.Standby, "the school on standby");

        string[] withTimes = [$"/api/shelters/{park.Id}/log", $"/api/shelters/{school.Id}/log"];
        string[] others =
        [
            "/api/shelters", $"/api/shelters/{park.Id}", $"/api/shelters/{park.Id}/inspections", "/api/shelters/availability",
            "/api/shelters/export.geojson", "/api/shelters/nearest?lat=31.22&lon=121.54&people=1",
        ];

        var found = await _client.AssertChinaTimeAsync([.. withTimes, .. others]);

        found.AssertSomeIn(withTimes);
    }
}
