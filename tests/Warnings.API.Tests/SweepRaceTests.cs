using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Warnings.API.Infrastructure;
using static Warnings.API.Tests.WarningTestData;

namespace Warnings.API.Tests;

/// <summary>
/// Two replicas sweep one database at the same moment. Each overdue unit must be escalated exactly once:
/// the conditional update on <c>OverdueAt</c> lets only one sweep claim it, whichever replica runs first.
/// </summary>
public sealed class SweepRaceTests : IAsyncLifetime
{
    private static readonly string[] Units =
        ["浦东新区应急管理局", "金山区应急管理局", "奉贤区应急管理局", "崇明区应急管理局", "上海化学工业区管委会", "浦东新区防汛办"];

    private readonly SweepRaceFactory _first = new(new ShiftedClock());
    private SweepRaceFactory _second = null!;
    private HttpClient _client = null!;
    private MessageRecorder _firstBus = null!;
    private MessageRecorder _secondBus = null!;

    public async Task InitializeAsync()
    {
        _second = new SweepRaceFactory(_first.Clock, _first);
        _client = _first.CreateClient();
        using var other = _second.CreateClient();
        await ServiceChecks.AssertReadyAsync(other);
        // Either replica's outbox dispatcher may publish an event, each under its own broker names: listen to both.
        _firstBus = await new MessageRecorder(_first.EntityPrefix).Record<WarningAcknowledgementOverdue>().StartAsync();
        _secondBus = await new MessageRecorder(_second.EntityPrefix).Record<WarningAcknowledgementOverdue>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _firstBus.DisposeAsync();
        await _secondBus.DisposeAsync();
        _client.Dispose();
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    private List<WarningAcknowledgementOverdue> Overdue(Guid warningId) =>
        [.. _firstBus.Received<WarningAcknowledgementOverdue>().Concat(_secondBus.Received<WarningAcknowledgementOverdue>())
            .Select(r => r.Message).Where(m => m.WarningId == warningId)];

    // Both replicas' sweepers, several sweeps each, all started together.
    private Task RaceAsync()
    {
        var sweepers = new[] { _first.Services.GetRequiredService<WarningSweeper>(), _second.Services.GetRequiredService<WarningSweeper>() };
        return Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() => sweepers[i % 2].SweepAsync(CancellationToken.None))));
    }

    [Fact]
    public async Task Two_replicas_sweeping_at_once_escalate_each_overdue_unit_exactly_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add((await _client.IssueAsync(Typhoon(units: Units))).Id());
        }

        // Past every deadline (2 s here) on both replicas' shared clock, then sweep from both at once.
        _first.Clock.Offset += TimeSpan.FromMinutes(1);
        await RaceAsync();
        await RaceAsync();

        await Eventually.TrueAsync(() => ids.All(id => Overdue(id).Count >= Units.Length), "an escalation for every unit of every warning");
        // A later warning's escalation comes after anything the race could still have queued.
        var marker = (await _client.IssueAsync(Typhoon(units: ["嘉定区应急管理局"]))).Id();
        _first.Clock.Offset += TimeSpan.FromMinutes(1);
        await RaceAsync();
        await Eventually.TrueAsync(() => Overdue(marker).Count == 1, "the marker's escalation");

        foreach (var id in ids)
        {
            Assert.Equal(Units.Order(), Overdue(id).Select(m => m.Unit).Order());
            var responses = await _client.GetJsonAsync($"/api/warnings/{id}/responses");
            Assert.Equal(Units.Length, responses.GetProperty("overdue").GetInt32());
        }
        Assert.Single(Overdue(marker));
    }
}
