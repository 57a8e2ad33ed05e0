using System.Collections.Concurrent;
using System.Net;
using Aspire.Hosting.Testing;
using EmergencyOps.Contracts.Inventory;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Testing;
using Xunit.Abstractions;
using static EmergencyOps.AppHost.Tests.Faults.Operations;

namespace EmergencyOps.AppHost.Tests.Faults;

/// <summary>
/// The broker's node is killed (SIGKILL) while warehouses post stock changes and the centre issues warnings, then
/// started again. Every acknowledged request is applied, every event goes out once the broker is back (the outbox),
/// no consumer applies one twice (the inbox), and readiness reports the outage and the recovery.
/// </summary>
[Collection(Faulted.Name)]
public sealed class BrokerOutageTests(FaultSystem system, ITestOutputHelper output)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    // After the broker is back, the outage's backlog (a couple of thousand events from two replicas of each service,
    // and inventory's readiness work for each warning) drains on two cores shared with the rest of the suite.
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(150);

    [Fact(Timeout = FaultSystem.TestTimeout)]
    public async Task Killing_the_broker_loses_no_acknowledged_change_or_event_and_applies_none_twice()
    {
        using var admin = await system.AsAsync("admin");
        using var duty = await system.AsAsync("duty1");
        var warehouse = await SystemData.WarehouseAsync(admin, "FT-BROKER", "徐汇区应急物资储备库（故障演练）", "310104");
        var before = await OnHandAsync(admin, warehouse);
        await using var tap = await BrokerTap.StartAsync(system.Broker, typeof(StockChanged), typeof(WarningIssued), typeof(ReserveReadinessReported));
        // Readiness follows the bus's receive endpoints; the hazard registry consumes nothing (it only publishes, through
        // its outbox), so the broker's absence does not make it unready.
        var direct = SystemFixture.Services.Where(s => s != "hazards").ToDictionary(s => s, s => system.App.CreateHttpClient(s, "http"));

        var changes = new ConcurrentQueue<Sent>();
        var warnings = new ConcurrentQueue<Sent>();
        using var stop = new CancellationTokenSource();
        var load = Task.WhenAll(
            Loop(TimeSpan.FromMilliseconds(20), async i => changes.Enqueue(await ReceiveAsync(admin, warehouse, 1 + (i % 5)))),
            Loop(TimeSpan.FromMilliseconds(20), async i => changes.Enqueue(await ReceiveAsync(admin, warehouse, 1 + (i % 3)))),
            Loop(TimeSpan.FromMilliseconds(250), async i => warnings.Enqueue(await IssueAsync(duty, "310104", $"徐汇区暴雨橙色预警（故障演练{i}）"))));

        await Eventually.TrueAsync(() => changes.Count(c => c.Acknowledged) >= 10 && warnings.Count(w => w.Acknowledged) >= 2, "acknowledged load before the fault", Deadline);
        // The tap must outlive the kill: killed too soon after declaring it, the node loses it (see BrokerStored).
        await Eventually.TrueAsync(() => system.BrokerStored(tap.Queue), "the broker's record of the tap's queue on disk", Deadline);
        using var outage = new CancellationTokenSource(Deadline);
        FaultSystem.Kill("beam.smp");
        var atKill = changes.Count + warnings.Count;
        await Eventually.TrueAsync(() => changes.Count + warnings.Count >= atKill + 20, "requests answered during the outage", Deadline);
        var unready = new HashSet<string>();
        await Eventually.TrueAsync(async () =>
        {
            foreach (var (service, client) in direct)
            {
                if (await FaultSystem.ReadinessAsync(client) != HttpStatusCode.OK && unready.Add(service))
                {
                    output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {service} unready");
                }
            }
            return unready.Count == direct.Count;
        }, "every service unready during the outage", Deadline);

        await system.StartAsync("messaging", outage.Token);
        await Eventually.TrueAsync(async () =>
        {
            foreach (var client in direct.Values)
            {
                if (await FaultSystem.ReadinessAsync(client) != HttpStatusCode.OK)
                {
                    return false;
                }
            }
            return true;
        }, "every service ready again", Deadline);
        var atRecovery = changes.Count;
        await Eventually.TrueAsync(() => changes.Count >= atRecovery + 10, "requests after recovery", Deadline);
        await stop.CancelAsync();
        await load;

        var acknowledged = changes.Where(c => c.Acknowledged).ToList();
        var issued = warnings.Where(w => w.Acknowledged).Select(w => w.Id!.Value).ToList();
        output.WriteLine($"stock changes: {changes.Count} sent, {acknowledged.Count} acknowledged; warnings: {warnings.Count} sent, {issued.Count} acknowledged");
        // The write path does not need the broker: the outage refuses nothing.
        Assert.All(changes, c => Assert.Equal(HttpStatusCode.OK, c.Status));
        Assert.All(warnings, w => Assert.Equal(HttpStatusCode.Created, w.Status));

        var ledger = (await LedgerAsync(admin, warehouse)).Where(e => e.GetProperty("voucherReference").GetString() is { } v && changes.Any(c => c.Key == v)).ToList();
        Assert.Equal(acknowledged.Select(c => c.Key).Order(), ledger.Select(e => e.GetProperty("voucherReference").GetString()!).Order());
        Assert.Equal(before + acknowledged.Sum(c => c.Quantity), await OnHandAsync(admin, warehouse));

        var sequences = ledger.Select(e => e.GetProperty("sequence").GetInt64()).ToHashSet();
        var missing = "";
        try
        {
            await Eventually.TrueAsync(async () =>
            {
                await tap.DrainAsync();
                var changed = tap.Of<StockChanged>().Select(e => e.Message.GetProperty("ledgerSequence").GetInt64()).ToHashSet();
                var warned = tap.Of<WarningIssued>().Select(e => e.Message.GetProperty("warningId").GetGuid()).ToHashSet();
                var reported = tap.Of<ReserveReadinessReported>().Select(e => e.Message.GetProperty("warningId").GetGuid()).ToHashSet();
                missing = $"{sequences.Count(s => !changed.Contains(s))} of {sequences.Count} StockChanged, {issued.Count(w => !warned.Contains(w))} of {issued.Count} WarningIssued, "
                    + $"{issued.Count(w => !reported.Contains(w))} of {issued.Count} ReserveReadinessReported not delivered yet";
                return sequences.IsSubsetOf(changed) && issued.All(warned.Contains) && issued.All(reported.Contains);
            }, "every change's and warning's event, and inventory's readiness report of each warning", RecoveryDeadline);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message} At the deadline: {missing}; the tap's last read: {tap.LastRefusal ?? "taken"}.", timeout);
        }
        output.WriteLine($"tap: {tap.Taken.Count} deliveries, {tap.Taken.Select(e => e.MessageId).Distinct().Count()} distinct messages");

        // Applied once: one stored report and one published report per warning, however often WarningIssued arrived.
        foreach (var id in issued)
        {
            Assert.Equal(1, await ReadinessReportsAsync(admin, id));
            Assert.Single(tap.Of<ReserveReadinessReported>().Where(e => e.Message.GetProperty("warningId").GetGuid() == id).Select(e => e.MessageId).Distinct());
        }
        // One event per ledger entry: a redelivered StockChanged keeps its message id.
        Assert.Equal(sequences.Count, tap.Of<StockChanged>().Where(e => sequences.Contains(e.Message.GetProperty("ledgerSequence").GetInt64())).Select(e => e.MessageId).Distinct().Count());

        // A steady rate, as real clients post, rather than as fast as the machine allows.
        async Task Loop(TimeSpan period, Func<int, Task> step)
        {
            using var pace = new PeriodicTimer(period);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await step(i);
                await pace.WaitForNextTickAsync(CancellationToken.None);
            }
        }
    }
}
