using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.ServiceDefaults;
using EmergencyOps.Testing;
using EmergencyOps.Messaging.Inbox;
using Inventory.API.Consumers;
using Inventory.API.Infrastructure;
using Inventory.API.Model;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Inventory.API.Tests.InventoryTestData;

namespace Inventory.API.Tests;

/// <summary>Reservations serve warnings inventory has heard of over the real broker, and end with them.</summary>
public sealed class WarningReservationTests(InventoryFactory factory) : IClassFixture<InventoryFactory>, IAsyncLifetime
{
    private MessageRecorder _bus = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        _client = factory.CreateClient();
        await ServiceChecks.AssertReadyAsync(_client);
        _bus = await new MessageRecorder(factory.EntityPrefix).Record<ReservationMade>().Record<ReservationReleased>().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _bus.DisposeAsync();
        _client.Dispose();
    }

    [Fact]
    public async Task A_reservation_for_a_warning_nobody_issued_is_a_422_naming_warningId_and_changes_nothing()
    {
        var w = await _client.RegisterWarehouseAsync("WR-UNK");
        await _client.ChangeAsync(w.Id, Receipt("LV-TENT", 50));

        using var refused = await _client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(Guid.NewGuid(), w.Id, "LV-TENT", 10), Json);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var problem = await refused.ProblemAsync();
        Assert.Contains("not known to inventory", problem.GetProperty("errors").GetProperty("warningId")[0].GetString());
        Assert.Equal(0, (await _client.BalanceAsync(w.Id, "LV-TENT"))!.Reserved);
        Assert.DoesNotContain(await _client.GetFromJsonAsync<List<ReservationResponse>>("/api/inventory/reservations", Json) ?? [], r => r.WarehouseId == w.Id);
        Assert.DoesNotContain(await _client.LedgerAsync(w.Id, "LV-TENT"), e => e.Kind == LedgerKind.Reservation);
    }

    [Fact]
    public async Task When_its_warning_ends_what_is_left_of_each_reservation_is_released_published_and_in_the_ledger()
    {
        var (a, b) = (await _client.RegisterWarehouseAsync("WR-END-A"), await _client.RegisterWarehouseAsync("WR-END-B"));
        await _client.ChangeAsync(a.Id, Receipt("LV-TENT", 100));
        await _client.ChangeAsync(b.Id, Receipt("LV-TENT", 100));
        var issued = Issued(WarningLevel.Orange);
        await PublishAsync(issued);
        var atA = await ReserveWhenHeardAsync(issued.WarningId, a.Id, 40);
        var atB = await ReserveWhenHeardAsync(issued.WarningId, b.Id, 30);
        await _client.ChangeAsync(a.Id, Issue("LV-TENT", 15, reservation: atA.Id));
        var other = Issued(WarningLevel.Red);
        await PublishAsync(other);
        var untouched = await ReserveWhenHeardAsync(other.WarningId, b.Id, 5);

        var ended = new WarningEnded(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), issued.WarningId, 2, WarningTypes.Typhoon, false,
            issued.Area, WarningEndReason.Lifted);
        await PublishAsync(ended);

        var releasedA = await _bus.WaitForAsync<ReservationReleased>(e => e.ReservationId == atA.Id);
        var releasedB = await _bus.WaitForAsync<ReservationReleased>(e => e.ReservationId == atB.Id);
        Assert.Equal((25, ReservationReleaseCause.WarningEnded, ended.CorrelationId), (releasedA.Message.Released, releasedA.Message.Cause, releasedA.Message.CorrelationId));
        Assert.Equal((30, ReservationReleaseCause.WarningEnded), (releasedB.Message.Released, releasedB.Message.Cause));
        Assert.Equal((85, 0), ((await _client.BalanceAsync(a.Id, "LV-TENT"))!.OnHand, (await _client.BalanceAsync(a.Id, "LV-TENT"))!.Reserved));
        Assert.Equal(5, (await _client.BalanceAsync(b.Id, "LV-TENT"))!.Reserved);
        var release = Assert.Single(await _client.LedgerAsync(a.Id, "LV-TENT"), e => e.Kind == LedgerKind.ReservationRelease);
        Assert.Equal((atA.Id, 0, -25, 85, WarningEndedConsumer.Actor), (release.ReservationId!.Value, release.Delta, release.ReservedDelta, release.BalanceAfter, release.Actor));
        Assert.Contains(issued.WarningId.ToString(), release.Reason);
        await _client.AssertBalanceEqualsLedgerAsync(a.Id, "LV-TENT");
        await _client.AssertBalanceEqualsLedgerAsync(b.Id, "LV-TENT");
        var listed = await _client.GetFromJsonAsync<List<ReservationResponse>>($"/api/inventory/reservations?warningId={issued.WarningId}", Json);
        Assert.All(listed!, r => Assert.Equal((true, 0, ReservationReleaseCause.WarningEnded), (r.Released, r.Remaining, r.ReleasedBecause)));
        Assert.False(Assert.Single((await _client.GetFromJsonAsync<List<ReservationResponse>>($"/api/inventory/reservations?warningId={other.WarningId}", Json))!).Released);
        Assert.DoesNotContain(_bus.Received<ReservationReleased>(), e => e.Message.ReservationId == untouched.Id);

        using var late = await _client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(issued.WarningId, a.Id, "LV-TENT", 1), Json);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, late.StatusCode);
        Assert.Contains("ended (lifted)", (await late.ProblemAsync()).GetProperty("errors").GetProperty("warningId")[0].GetString());
    }

    [Fact]
    public async Task An_end_that_overtakes_its_issue_keeps_the_warning_ended()
    {
        var w = await _client.RegisterWarehouseAsync("WR-ORDER");
        await _client.ChangeAsync(w.Id, Receipt("LV-TENT", 10));
        var issued = Issued(WarningLevel.Yellow);
        var cancelled = new WarningEnded(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), issued.WarningId, 1, WarningTypes.Typhoon, false,
            issued.Area, WarningEndReason.Cancelled);
        await PublishAsync(cancelled);
        await HeardAsync<WarningEndedConsumer>(cancelled.EventId);

        await PublishAsync(issued);
        var update = new WarningUpdated(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), issued.WarningId, 2, WarningTypes.Typhoon,
            WarningLevel.Orange, WarningLevel.Yellow, false, issued.Area, "台风橙色预警", null);
        await PublishAsync(update);
        await HeardAsync<WarningIssuedKnownConsumer>(issued.EventId);
        await HeardAsync<WarningUpdatedKnownConsumer>(update.EventId);

        using var refused = await ReserveAsync(issued.WarningId, w.Id, 1);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("ended (cancelled)", (await refused.ProblemAsync()).GetProperty("detail").GetString());
        Assert.Equal(0, (await _client.BalanceAsync(w.Id, "LV-TENT"))!.Reserved);
    }

    // The consumer's inbox row commits with what it did, so once it is there the message is applied.
    private Task HeardAsync<TConsumer>(Guid eventId) => Eventually.TrueAsync(async () =>
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<InventoryContext>();
        return await db.Set<InboxMessage>().AnyAsync(m => m.MessageId == eventId && m.ConsumerId == typeof(TConsumer).FullName);
    }, $"{typeof(TConsumer).Name} to apply {eventId}");

    private static WarningIssued Issued(WarningLevel level) =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, "warnings", Guid.NewGuid(), Guid.NewGuid(), 1, WarningTypes.Typhoon, level, false,
            new WarningArea(["310115"]), "台风预警", null);

    private Task PublishAsync<T>(T message) where T : class, EmergencyOps.Contracts.IIntegrationEvent =>
        _bus.Bus.Publish(message, ctx => ctx.MessageId = message.EventId);

    private Task<HttpResponseMessage> ReserveAsync(Guid warning, Guid warehouse, int quantity) =>
        _client.PostAsJsonAsync("/api/inventory/reservations", new ReserveRequest(warning, warehouse, "LV-TENT", quantity), Json);

    // The warning reaches inventory over the broker; until it has, a reservation is refused as unknown.
    private async Task<ReservationResponse> ReserveWhenHeardAsync(Guid warning, Guid warehouse, int quantity) =>
        await Eventually.GetAsync(async () =>
        {
            using var response = await ReserveAsync(warning, warehouse, quantity);
            return response.StatusCode == HttpStatusCode.Created ? await response.Content.ReadFromJsonAsync<ReservationResponse>(Json) : null;
        }, $"warning {warning} to be heard");
}
