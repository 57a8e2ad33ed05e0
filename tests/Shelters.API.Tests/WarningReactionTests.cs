using EmergencyOps.ServiceDefaults;
using EmergencyOps.Contracts.Shelters;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using MassTransit;
using Shelters.API.Model;
using static Shelters.API.Tests.ShelterTestData;

namespace Shelters.API.Tests;

/// <summary>Warnings arrive over the real RabbitMQ, as the warnings service publishes them.</summary>
public sealed class WarningReactionTests(SheltersFactory factory) : IClassFixture<SheltersFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<ShelterPlacedOnStandby>().Record<ShelterClosed>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task An_orange_typhoon_puts_suitable_shelters_of_the_warned_districts_on_standby_and_lifting_returns_them()
    {
        var school = await _client.RegisterAsync(Request("崇明中学", "310151", 31.6200, 121.4000, suitable: ["typhoon"], kind: "indoor"));
        var lowPark = await _client.RegisterAsync(Request("崇明滨江公园", "310151", 31.6300, 121.4100, suitable: ["earthquake"], unsuitable: ["typhoon"]));
        var gym = await _client.RegisterAsync(Request("金山体育馆", "310116", 30.7400, 121.3400, suitable: ["typhoon"], kind: "indoor"));
        var inland = await _client.RegisterAsync(Request("嘉定体育馆", "310114", 31.3800, 121.2500, suitable: ["typhoon"], kind: "indoor"));
        var warning = Guid.NewGuid();

        await PublishAsync(new WarningIssued(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), warning, 1,
            WarningTypes.Typhoon, WarningLevel.Orange, false, new WarningArea(["310151", "310116"]), "台风橙色预警", null));

        await Eventually.TrueAsync(async () => (await _client.GetShelterAsync(gym.Id)).Status == ShelterStatus.Standby, "the Jinshan gym on standby");
        Assert.Equal(ShelterStatus.Standby, (await _client.GetShelterAsync(school.Id)).Status);
        Assert.Equal(ShelterStatus.Closed, (await _client.GetShelterAsync(lowPark.Id)).Status);
        Assert.Equal(ShelterStatus.Closed, (await _client.GetShelterAsync(inland.Id)).Status);
        var standby = await _bus.WaitForAsync<ShelterPlacedOnStandby>(e => e.ShelterId == school.Id);
        Assert.Equal(warning, standby.Message.WarningId);

        await PublishAsync(new WarningEnded(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), warning, 2,
            WarningTypes.Typhoon, false, new WarningArea(["310151", "310116"]), WarningEndReason.Lifted));

        await Eventually.TrueAsync(async () => (await _client.GetShelterAsync(gym.Id)).Status == ShelterStatus.Closed, "the gym back to normal");
        Assert.Equal(ShelterStatus.Closed, (await _client.GetShelterAsync(school.Id)).Status);
        await _bus.WaitForAsync<ShelterClosed>(e => e.ShelterId == school.Id && e.Reason == "warning lifted");
    }

    [Fact]
    public async Task Shelters_inside_the_hazard_zone_are_never_activated()
    {
        var nearLeak = await _client.RegisterAsync(Request("青浦某小学", "310118", 31.1500, 121.1200, suitable: ["gas-leak"], kind: "indoor"));
        var farther = await _client.RegisterAsync(Request("青浦体育馆", "310118", 31.1600, 121.1600, suitable: ["gas-leak"], kind: "indoor"));
        var warning = Guid.NewGuid();

        await PublishAsync(new WarningIssued(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), warning, 1,
            WarningTypes.GasLeak, WarningLevel.Red, false, new WarningArea(["310118"], Circle: "31.1500,121.1200 1"), "燃气泄漏红色预警", null));

        await Eventually.TrueAsync(async () => (await _client.GetShelterAsync(farther.Id)).Status == ShelterStatus.Standby, "the shelter outside the zone on standby");
        Assert.Equal(ShelterStatus.Closed, (await _client.GetShelterAsync(nearLeak.Id)).Status);
    }

    [Fact]
    public async Task Yellow_warnings_and_exercises_change_nothing_and_a_later_escalation_does()
    {
        var shelter = await _client.RegisterAsync(Request("松江体育中心", "310117", 31.0300, 121.2300, suitable: ["rainstorm"], kind: "indoor"));
        var rainstorm = Guid.NewGuid();
        var drill = Guid.NewGuid();

        await PublishAsync(new WarningIssued(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), drill, 1,
            WarningTypes.Rainstorm, WarningLevel.Red, true, new WarningArea(["310117"]), "演练：暴雨红色预警", null));
        await PublishAsync(new WarningIssued(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), rainstorm, 1,
            WarningTypes.Rainstorm, WarningLevel.Yellow, false, new WarningArea(["310117"]), "暴雨黄色预警", null));
        // The drill is recorded in the shelter's log without touching its status.
        await Eventually.TrueAsync(async () => (await LogAsync(shelter.Id)).Any(e => e.WarningId == drill), "the exercise noted in the log");
        Assert.Equal(ShelterStatus.Closed, (await _client.GetShelterAsync(shelter.Id)).Status);

        await PublishAsync(new WarningUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), rainstorm, 2,
            WarningTypes.Rainstorm, WarningLevel.Orange, WarningLevel.Yellow, false, new WarningArea(["310117"]), "暴雨橙色预警", null));

        await Eventually.TrueAsync(async () => (await _client.GetShelterAsync(shelter.Id)).Status == ShelterStatus.Standby, "standby after the escalation");
        Assert.Null((await LogAsync(shelter.Id)).SingleOrDefault(e => e.WarningId == rainstorm && e.Kind == ShelterChangeKind.Warning && e.StatusAfter == ShelterStatus.Closed));
    }

    [Fact]
    public async Task The_same_warning_delivered_twice_activates_once()
    {
        var shelter = await _client.RegisterAsync(Request("黄浦体育馆", "310101", 31.2200, 121.4800, suitable: ["typhoon"], kind: "indoor"));
        var issued = new WarningIssued(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), Guid.NewGuid(), 1,
            WarningTypes.Typhoon, WarningLevel.Red, false, new WarningArea(["310101"]), "台风红色预警", null);

        await PublishAsync(issued);
        await PublishAsync(issued);
        await Eventually.TrueAsync(async () => (await _client.GetShelterAsync(shelter.Id)).Status == ShelterStatus.Standby, "standby");
        await Eventually.TrueAsync(() => _bus.Received<ShelterPlacedOnStandby>().Any(e => e.Message.ShelterId == shelter.Id), "the standby event");

        var warningEntries = (await LogAsync(shelter.Id)).Count(e => e.Kind == ShelterChangeKind.Warning);
        Assert.Equal(1, warningEntries);
    }

    private Task PublishAsync<T>(T message) where T : class, EmergencyOps.Contracts.IIntegrationEvent =>
        _bus.Bus.Publish(message, ctx => ctx.MessageId = message.EventId);

    private async Task<IReadOnlyList<LogEntryResponse>> LogAsync(Guid shelterId) =>
        (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<PaginatedItems<LogEntryResponse>>(_client, $"/api/shelters/{shelterId}/log", Json))!.Data;
}
