using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Hazards.API.Tests.HazardTestData;
using static Hazards.API.Tests.HiddenDangerTestData;

namespace Hazards.API.Tests;

/// <summary>The registry on a movable clock, with both sweeps every 100 ms.</summary>
public sealed class RiskClockFactory : HazardsFactory
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

/// <summary>What moves a level with time alone: a rectification going overdue, and anomalies leaving the 30-day window.</summary>
public sealed class RiskModelTimeTests(RiskClockFactory factory) : IClassFixture<RiskClockFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;

    public async Task InitializeAsync()
    {
        using var client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<EnterpriseRiskLevelChanged>().StartAsync();
    }

    public async Task DisposeAsync() => await _bus.DisposeAsync();

    [Fact]
    public async Task An_overdue_major_danger_adds_its_weight_when_the_sweep_escalates_it_and_the_rise_is_published()
    {
        using var client = factory.CreateClient();
        var enterprise = await client.RegisterAsync();
        await client.DeclareLevel1Async(enterprise.Id);                                  // 40
        var danger = await client.ReportOkAsync(enterprise.Id, Report("major", 2));     // +15 = 55, orange
        await client.PlanOkAsync(danger.Id, factory.Clock.GetUtcNow().AddHours(2));
        var before = await client.RiskAsync(enterprise.Id);

        factory.Clock.Offset += TimeSpan.FromHours(3);
        var red = await _bus.WaitForAsync<EnterpriseRiskLevelChanged>(m => m.EnterpriseId == enterprise.Id && m.Level == RiskColour.Red);
        var after = await client.RiskAsync(enterprise.Id);

        Assert.Equal((55m, RiskColour.Orange), (before.Score, before.Level));
        Assert.Equal((75m, RiskColour.Red, 1, 20m), (after.Score, after.Level, after.Term("overdueMajorDangers").Count, after.Term("overdueMajorDangers").Points));
        Assert.Equal((RiskColour.Orange, 75m), (red.Message.Previous, red.Message.Score));
        Assert.Contains("逾期未整改重大隐患 +20", red.Message.Terms);
    }

    [Fact]
    public async Task Anomalies_stop_counting_after_30_days_without_any_request_about_the_enterprise()
    {
        using var client = factory.CreateClient();
        var enterprise = await client.RegisterAsync();
        await client.DeclareAsync(enterprise.Id, Unit(10, (Chlorine, 62.5m)));          // 二级: 30
        var code = (await client.RegisterProductAsync(enterprise.Id)).Code;
        for (var i = 0; i < 7; i++)
        {
            await client.RefusedScanAsync(enterprise.Id, code);                          // +15 (capped) = 45
        }
        await client.AddRedRiskPointAsync(enterprise.Id);                                // +30 = 75: red
        var before = await client.RiskAsync(enterprise.Id);

        factory.Clock.Offset += TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1);
        var down = await _bus.WaitForAsync<EnterpriseRiskLevelChanged>(m => m.EnterpriseId == enterprise.Id && m.Previous == RiskColour.Red);
        var ranked = (await factory.CreateClient().AsRegulator().RankingAsync()).Single(r => r.EnterpriseId == enterprise.Id);

        Assert.Equal((75m, RiskColour.Red, 7), (before.Score, before.Level, before.Term("scanAnomalies").Count));
        Assert.Equal((RiskColour.Orange, 60m), (down.Message.Level, down.Message.Score));
        Assert.Equal((60m, RiskColour.Orange), (ranked.Score, ranked.Level));
        Assert.Equal(0, (await client.RiskAsync(enterprise.Id)).Term("scanAnomalies").Count);
    }
}
