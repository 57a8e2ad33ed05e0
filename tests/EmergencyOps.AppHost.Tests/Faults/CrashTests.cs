using System.Net;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Messaging.Faults;
using EmergencyOps.Testing;
using static EmergencyOps.AppHost.Tests.Faults.Operations;

namespace EmergencyOps.AppHost.Tests.Faults;

/// <summary>
/// A replica killed at the worst moments: after committing and before publishing, after the broker confirmed a publish
/// and before marking it sent, and after a consumer committed and before it acknowledged. The events still go out, and
/// nothing is applied twice.
/// </summary>
[Collection(Faulted.Name)]
public sealed class CrashTests(FaultSystem system) : IAsyncLifetime
{
    // A replica that died holding the outbox lease holds it until the lease runs out (30 s).
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact(Timeout = FaultSystem.TestTimeout)]
    public async Task A_service_killed_between_commit_and_publish_sends_the_event_exactly_once_after_its_restart()
    {
        using var admin = await system.AsAsync("admin");
        var warehouse = await SystemData.WarehouseAsync(admin, "FT-CRASH", "长宁区应急物资储备库（故障演练）", "310105");
        var before = await OnHandAsync(admin, warehouse);
        await using var tap = await BrokerTap.StartAsync(system.Broker, typeof(StockChanged));

        system.Arm("inventory", FailPoints.OutboxBeforePublish);
        var first = await ReceiveAsync(admin, warehouse, 7);
        await Eventually.TrueAsync(() => system.Fired("inventory", FailPoints.OutboxBeforePublish), "a replica killed before publishing", Deadline);
        await RestartKilledAsync("inventory");

        // The client cannot tell whether a cut-off request was applied, so it retries with the same key: once applied, replayed after.
        var retried = await Eventually.GetAsync(async () => await ReceiveAsync(admin, warehouse, 7, first.Key) is { Acknowledged: true } sent ? sent : null,
            "the retried change acknowledged", Deadline);
        Assert.Equal(HttpStatusCode.OK, retried.Status);
        var entry = Assert.Single(await LedgerAsync(admin, warehouse), e => e.GetProperty("voucherReference").GetString() == first.Key);
        Assert.Equal(before + 7, await OnHandAsync(admin, warehouse));

        // The outbox publishes in sequence order, so once a later change's event is in, no copy of the first can follow.
        var marker = await ReceiveAsync(admin, warehouse, 1);
        var markerEntry = Assert.Single(await LedgerAsync(admin, warehouse), e => e.GetProperty("voucherReference").GetString() == marker.Key);
        await Eventually.TrueAsync(async () => (await tap.DrainAsync()).Any(e => Sequence(e) == Sequence(markerEntry)), "the later change's event", Deadline);
        Assert.Single(tap.Of<StockChanged>(), e => Sequence(e) == entry.GetProperty("sequence").GetInt64());
    }

    [Fact(Timeout = FaultSystem.TestTimeout)]
    public async Task A_service_killed_after_the_broker_confirmed_but_before_marking_sent_republishes_one_message_the_consumers_apply_once()
    {
        using var admin = await system.AsAsync("admin");
        using var duty = await system.AsAsync("duty1");
        await using var tap = await BrokerTap.StartAsync(system.Broker, typeof(WarningIssued), typeof(ReserveReadinessReported));

        system.Arm("warnings", FailPoints.OutboxBeforeMark);
        var issued = await IssueAsync(duty, "310105", "长宁区暴雨橙色预警（故障演练：发布后未标记）");
        Assert.Equal(HttpStatusCode.Created, issued.Status);
        var id = issued.Id!.Value;
        await Eventually.TrueAsync(() => system.Fired("warnings", FailPoints.OutboxBeforeMark), "a replica killed after the confirm", Deadline);
        await RestartKilledAsync("warnings");

        // The row was never marked sent, so it goes out again, with the same message id.
        await Eventually.TrueAsync(async () => (await tap.DrainAsync()).Count(e => e.Type == nameof(WarningIssued) && WarningOf(e) == id) >= 2,
            "the warning's event published again", Deadline);
        var copies = tap.Of<WarningIssued>().Where(e => WarningOf(e) == id).ToList();
        Assert.Single(copies.Select(e => e.MessageId).Distinct());
        await Eventually.TrueAsync(async () => (await tap.DrainAsync()).Any(e => e.Type == nameof(ReserveReadinessReported) && WarningOf(e) == id),
            "inventory's readiness report", Deadline);
        Assert.Equal(1, await ReadinessReportsAsync(admin, id));
        Assert.Single(tap.Of<ReserveReadinessReported>(), e => WarningOf(e) == id);
    }

    [Fact(Timeout = FaultSystem.TestTimeout)]
    public async Task A_consumer_killed_between_its_commit_and_its_ack_changes_nothing_on_the_redelivery()
    {
        using var admin = await system.AsAsync("admin");
        using var duty = await system.AsAsync("duty1");
        await using var tap = await BrokerTap.StartAsync(system.Broker, typeof(ReserveReadinessReported));

        system.Arm("inventory", FailPoints.InboxBeforeAck);
        var issued = await IssueAsync(duty, "310105", "长宁区暴雨橙色预警（故障演练：处理后未确认）");
        var id = issued.Id!.Value;
        await Eventually.TrueAsync(() => system.Fired("inventory", FailPoints.InboxBeforeAck), "a consumer killed before its ack", Deadline);
        await RestartKilledAsync("inventory");

        // The broker hands the unacknowledged message to a live replica, which finds it in the inbox and only acknowledges it.
        await Eventually.TrueAsync(async () => (await tap.DrainAsync()).Any(e => WarningOf(e) == id), "the readiness report published", Deadline);
        var marker = await IssueAsync(duty, "310105", "长宁区暴雨橙色预警（故障演练：标记）");
        await Eventually.TrueAsync(async () => (await tap.DrainAsync()).Any(e => WarningOf(e) == marker.Id), "the next warning's report", Deadline);
        Assert.Equal(1, await ReadinessReportsAsync(admin, id));
        Assert.Single(tap.Of<ReserveReadinessReported>().Where(e => WarningOf(e) == id).Select(e => e.MessageId).Distinct());
    }

    private async Task RestartKilledAsync(string service)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        await system.StartAsync(service, timeout.Token);
    }

    private static long Sequence(TappedEvent e) => e.Message.GetProperty("ledgerSequence").GetInt64();

    private static long Sequence(System.Text.Json.JsonElement entry) => entry.GetProperty("sequence").GetInt64();

    private static Guid WarningOf(TappedEvent e) => e.Message.GetProperty("warningId").GetGuid();

    public Task InitializeAsync() => Task.CompletedTask;

    // A point a test armed but nothing reached must not kill a later test's replica.
    public Task DisposeAsync()
    {
        system.DisarmAll();
        return Task.CompletedTask;
    }
}
