using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Hazards.API.Infrastructure;
using Hazards.API.Model;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>A clock the test moves forward, so deadlines pass without waiting for them.</summary>
public sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}

/// <summary>The registry on a movable clock, with both sweeps (overdue dangers, risk levels) every 100 ms.</summary>
public sealed class OverdueFactory : HazardsFactory
{
    public ShiftedClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Hazards:HiddenDangerSweepInterval", "00:00:00.100");
        builder.UseSetting("Hazards:RiskSweepInterval", "00:00:00.100");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

/// <summary>An overdue rectification escalates exactly once: one step, one HiddenDangerOverdue on the broker, even when sweeps race.</summary>
public sealed class HiddenDangerOverdueTests(OverdueFactory factory) : IClassFixture<OverdueFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;

    public async Task InitializeAsync()
    {
        using var client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<HiddenDangerOverdue>().StartAsync();
    }

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    private List<HiddenDangerOverdue> Overdue(Guid dangerId) => [.. _bus.Received<HiddenDangerOverdue>().Select(m => m.Message).Where(m => m.DangerId == dangerId)];

    [Fact]
    public async Task Sweeps_racing_on_one_database_escalate_each_overdue_rectification_exactly_once()
    {
        using var client = factory.CreateClient();
        var enterprise = await client.RegisterAsync();
        var deadline = factory.Clock.GetUtcNow().AddHours(1);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var danger = await client.ReportOkAsync(enterprise.Id, Report(i == 0 ? "major" : "general"));
            await client.PlanOkAsync(danger.Id, deadline);
            ids.Add(danger.Id);
        }
        var rectifiedInTime = await client.ReportOkAsync(enterprise.Id);
        await client.PlanOkAsync(rectifiedInTime.Id, deadline);
        await client.RectifyOkAsync(rectifiedInTime.Id);
        await client.StepOkAsync(ids[0], "listing", Listing(deadline.AddDays(1)));
        // Two sweeper instances besides the service's own background one, all on the same database.
        var sweepers = new[] { ActivatorUtilities.CreateInstance<HiddenDangerSweeper>(factory.Services), ActivatorUtilities.CreateInstance<HiddenDangerSweeper>(factory.Services) };

        factory.Clock.Offset += TimeSpan.FromHours(2);
        var escalated = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() => sweepers[i % 2].SweepAsync(CancellationToken.None))));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => sweepers[i % 2].ClaimAsync(ids[1], now, CancellationToken.None))));

        await Eventually.TrueAsync(() => ids.All(id => Overdue(id).Count >= 1), "an escalation of every overdue rectification");
        // A later danger's escalation comes after anything the race could still have queued.
        var marker = await client.ReportOkAsync(enterprise.Id);
        await client.PlanOkAsync(marker.Id, factory.Clock.GetUtcNow().AddMinutes(1));
        factory.Clock.Offset += TimeSpan.FromMinutes(2);
        await Eventually.TrueAsync(() => Overdue(marker.Id).Count == 1, "the marker's escalation by the background sweep");

        Assert.True(escalated.Sum() <= ids.Count);
        Assert.DoesNotContain(true, claims);
        foreach (var id in ids)
        {
            var message = Assert.Single(Overdue(id));
            var danger = await client.DangerAsync(id);
            Assert.True(danger.Overdue);
            Assert.Single(danger.History, s => s.Action == HiddenDangerAction.Overdue && s.Actor == "system");
            Assert.Equal((danger.EnterpriseId, deadline.ToUnixTimeSeconds()), (message.EnterpriseId, message.Deadline.ToUnixTimeSeconds()));
        }
        Assert.True(Overdue(ids[0]).Single().Listed);
        Assert.Equal(HiddenDangerGrade.Major, Overdue(ids[0]).Single().Grade);
        Assert.Empty(Overdue(rectifiedInTime.Id));
        Assert.False((await client.DangerAsync(rectifiedInTime.Id)).Overdue);
        // Rectified late it still closes, and the closing says it had gone overdue.
        await client.RectifyOkAsync(ids[1]);
        Assert.Equal(HiddenDangerState.Closed, (await client.ReviewOkAsync(ids[1], passed: true)).State);
        Assert.Single(Overdue(ids[1]));
    }
}
