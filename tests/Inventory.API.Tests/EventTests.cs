using System.Net.Http.Json;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

/// <summary>Events out (through the outbox) and warnings in (over the real RabbitMQ).</summary>
public sealed class EventTests(InventoryFactory factory) : IClassFixture<InventoryFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
        _bus = await new MessageRecorder(factory.EntityPrefix)
            .Record<ReserveReadinessReported>().Record<BatchExpiring>().Record<ReservationMade>().Record<ReservationReleased>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task An_orange_warning_gets_a_readiness_report_of_the_warned_districts_shortfalls()
    {
        var pudong = await _client.RegisterWarehouseAsync("EV-PD", "310115");
        var jinshan = await _client.RegisterWarehouseAsync("EV-JS", "310116", 30.74, 121.34);
        var chongming = await _client.RegisterWarehouseAsync("EV-CM", "310151", 31.62, 121.40);
        await _client.ChangeAsync(pudong.Id, Receipt("FC-SANDBAG", 100));
        await _client.ChangeAsync(jinshan.Id, Receipt("FC-SANDBAG", 5000));
        foreach (var w in new[] { pudong, jinshan, chongming })
        {
            (await _client.PutAsJsonAsync($"/api/inventory/warehouses/{w.Id}/norms/FC-SANDBAG", new SetNormRequest(1000, null), Json)).EnsureSuccessStatusCode();
        }
        var warning = Guid.NewGuid();
        var issued = new WarningIssued(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), warning, 1,
            WarningTypes.Typhoon, WarningLevel.Orange, false, new WarningArea(["310115", "310116"]), "台风橙色预警", null);

        await _bus.Bus.Publish(issued, ctx => ctx.MessageId = issued.EventId);

        var report = await _bus.WaitForAsync<ReserveReadinessReported>(r => r.WarningId == warning);
        Assert.False(report.Message.Ready);
        Assert.Equal(issued.CorrelationId, report.Message.CorrelationId);
        var shortfall = Assert.Single(report.Message.Shortfalls);
        Assert.Equal(new ReadinessShortfall(pudong.Id, "310115", "FC-SANDBAG", 1000, 100), shortfall);

        // The report is kept as published (in the transaction that put it in the outbox), readable by warning.
        var stored = Assert.Single((await _client.GetFromJsonAsync<List<ReadinessReportResponse>>($"/api/inventory/readiness?warningId={warning}", Json))!);
        Assert.Equal((warning, false, "310115,310116"), (stored.WarningId, stored.Ready, string.Join(',', stored.DistrictCodes)));
        Assert.Equal([new ReadinessShortfallResponse(pudong.Id, "310115", "FC-SANDBAG", 1000, 100)], stored.Shortfalls);
        using var jinshanKeeper = factory.KeeperOf(jinshan.Code);
        Assert.Empty(Assert.Single((await jinshanKeeper.GetFromJsonAsync<List<ReadinessReportResponse>>($"/api/inventory/readiness?warningId={warning}", Json))!).Shortfalls);
        using var noWarning = await _client.GetAsync("/api/inventory/readiness");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, noWarning.StatusCode);
        Assert.True((await noWarning.ProblemAsync()).GetProperty("errors").TryGetProperty("warningId", out _));
    }

    [Fact]
    public async Task A_yellow_warning_gets_no_report()
    {
        var warning = Guid.NewGuid();
        var yellow = new WarningIssued(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), warning, 1,
            WarningTypes.Rainstorm, WarningLevel.Yellow, false, new WarningArea(["310115"]), "暴雨黄色预警", null);
        var red = yellow with { EventId = Guid.NewGuid(), WarningId = Guid.NewGuid(), Level = WarningLevel.Red };

        await _bus.Bus.Publish(yellow, ctx => ctx.MessageId = yellow.EventId);
        await _bus.Bus.Publish(red, ctx => ctx.MessageId = red.EventId);

        // The yellow one was published first on the same queue, so it is (almost always) handled by the time the red one is reported.
        await _bus.WaitForAsync<ReserveReadinessReported>(r => r.WarningId == red.WarningId);
        Assert.DoesNotContain(_bus.Received<ReserveReadinessReported>(), r => r.Message.WarningId == warning);
    }

    // Replicas scan the same table at once: each batch is still announced once.
    [Fact]
    public async Task Expiry_scans_racing_on_one_batch_announce_it_once()
    {
        var w = await _client.RegisterWarehouseAsync("EV-RACE");
        var monitor = factory.Services.GetServices<IHostedService>().OfType<BatchExpiryMonitor>().Single();
        await _client.ChangeAsync(w.Id, Receipt("LV-FOOD", 25, "F-RACE", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5)));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => monitor.ScanAsync(CancellationToken.None))));

        await _bus.WaitForAsync<BatchExpiring>(e => e.WarehouseId == w.Id && e.Batch == "F-RACE");
        await _client.ChangeAsync(w.Id, Receipt("LV-FOOD", 1, "F-RACE2", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(5)));
        await _bus.WaitForAsync<BatchExpiring>(e => e.WarehouseId == w.Id && e.Batch == "F-RACE2");
        Assert.Single(_bus.Received<BatchExpiring>(), e => e.Message.WarehouseId == w.Id && e.Message.Batch == "F-RACE");
    }

    [Fact]
    public async Task A_batch_nearing_expiry_is_announced_once()
    {
        var w = await _client.RegisterWarehouseAsync("EV-EXP");
        var expiry = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(12);
        await _client.ChangeAsync(w.Id, Receipt("LV-FOOD", 40, "F-SOON", expiry));
        await _client.ChangeAsync(w.Id, Receipt("LV-FOOD", 40, "F-LATER", expiry.AddDays(200)));

        var announced = await _bus.WaitForAsync<BatchExpiring>(e => e.WarehouseId == w.Id);
        Assert.Equal(("F-SOON", expiry, 40), (announced.Message.Batch, announced.Message.Expiry, announced.Message.Quantity));

        // Later scans (every second here) must not repeat it.
        await _client.ChangeAsync(w.Id, Receipt("LV-FOOD", 1, "F-SOON2", expiry));
        await _bus.WaitForAsync<BatchExpiring>(e => e.WarehouseId == w.Id && e.Batch == "F-SOON2");
        Assert.Single(_bus.Received<BatchExpiring>(), e => e.Message.WarehouseId == w.Id && e.Message.Batch == "F-SOON");
        Assert.DoesNotContain(_bus.Received<BatchExpiring>(), e => e.Message.Batch == "F-LATER");
    }

    [Fact]
    public async Task Reservations_are_announced_when_made_and_released()
    {
        var w = await _client.RegisterWarehouseAsync("EV-RV");
        await _client.ChangeAsync(w.Id, Receipt("LV-TENT", 50));
        var warning = await factory.OpenWarningAsync();
        using var made = await _client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(warning, w.Id, "LV-TENT", 20), Json);
        var reservation = (await made.Content.ReadFromJsonAsync<ReservationResponse>(Json))!;
        (await _client.PostAsync($"/api/inventory/reservations/{reservation.Id}/release", null)).EnsureSuccessStatusCode();

        Assert.Equal(20, (await _bus.WaitForAsync<ReservationMade>(e => e.ReservationId == reservation.Id)).Message.Quantity);
        Assert.Equal(20, (await _bus.WaitForAsync<ReservationReleased>(e => e.ReservationId == reservation.Id)).Message.Released);
    }
}
