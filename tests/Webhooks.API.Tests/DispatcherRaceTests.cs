using EmergencyOps.Testing.Webhooks;
using EmergencyOps.Testing;
using Microsoft.Extensions.DependencyInjection;
using Webhooks.API.Infrastructure;
using static Webhooks.API.Tests.TestEvents;

namespace Webhooks.API.Tests;

/// <summary>Several dispatchers on one database (replicas) send each delivery once; a claim a crashed replica left is taken over.</summary>
public sealed class DispatcherRaceTests(WebhooksFactory factory) : WebhookTestBase<WebhooksFactory>(factory), IClassFixture<WebhooksFactory>
{
    [Fact]
    public async Task Three_dispatchers_racing_on_one_database_never_send_one_delivery_twice()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-race");
        await using var second = await WebhookReceiver.StartAsync();
        var a = await metro.SubscribeOkAsync(Receiver.Url, ["WarningIssued"]);
        var b = await metro.SubscribeOkAsync(second.Url, ["WarningIssued"]);
        // Two more dispatchers beside the service's own, sharing its database, as two more replicas would.
        var others = new[] { ActivatorUtilities.CreateInstance<DeliveryDispatcher>(Factory.Services), ActivatorUtilities.CreateInstance<DeliveryDispatcher>(Factory.Services) };
        foreach (var dispatcher in others)
        {
            await dispatcher.StartAsync(CancellationToken.None);
        }
        try
        {
            var warnings = Enumerable.Range(0, 30).Select(_ => Warning()).ToList();
            await Task.WhenAll(warnings.Select(w => PublishAsync(w)));
            foreach (var warning in warnings)
            {
                await Receiver.WaitForAsync(warning.EventId);
                await second.WaitForAsync(warning.EventId);
            }
            await Eventually.TrueAsync(async () => (await metro.DeliveriesAsync(a.Id)).Concat(await metro.DeliveriesAsync(b.Id)).All(d => d.Status() == "succeeded")
                && (await metro.DeliveriesAsync(a.Id)).Count == 30, "every delivery recorded as succeeded");

            Assert.All(warnings, w => Assert.Single(Receiver.For(w.EventId)));
            Assert.All(warnings, w => Assert.Single(second.For(w.EventId)));
            Assert.Equal(60, Receiver.Received.Concat(second.Received).Select(r => r.Id).Distinct().Count());
            Assert.All((await metro.DeliveriesAsync(a.Id)).Concat(await metro.DeliveriesAsync(b.Id)), d => Assert.Equal(1, d.GetProperty("attempts").GetArrayLength()));
        }
        finally
        {
            foreach (var dispatcher in others)
            {
                await dispatcher.StopAsync(CancellationToken.None);
                dispatcher.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_live_claim_is_respected_and_an_expired_one_is_taken_over()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-lease");
        await using var leased = await WebhookReceiver.StartAsync();
        var subscription = await metro.SubscribeOkAsync(leased.Url, ["WarningIssued"]);
        var marker = await metro.SubscribeOkAsync(Receiver.Url, ["ShelterOpened"]);
        var path = $"/api/webhooks/subscriptions/{subscription.Id}";
        await metro.PostOkAsync($"{path}/pause");
        var warning = Warning();
        await PublishAsync(warning);
        await metro.DeliveryAsync(subscription.Id, warning.EventId, d => d.Status() == "pending", "the delivery recorded while paused");
        // Another replica holds it for an hour.
        var token = ServiceDatabase.Key(Guid.NewGuid());
        await Factory.ExecuteAsync("UPDATE Deliveries SET LeaseToken = $token, LeaseUntil = $until WHERE SubscriptionId = $id",
            ("$token", token), ("$until", DateTime.UtcNow.AddHours(1).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)),
            ("$id", ServiceDatabase.Key(subscription.Id)));
        await metro.PostOkAsync($"{path}/resume");
        var opened = new EmergencyOps.Contracts.Shelters.ShelterOpened(Guid.NewGuid(), DateTimeOffset.UtcNow, "shelters", Guid.NewGuid(), Guid.NewGuid(), "世纪公园应急避难场所", Pudong, 5000, 5000, null);
        await PublishAsync(opened);
        await Receiver.WaitForAsync(opened.EventId);

        // The claim that sent the later event would have taken the earlier one too, had its lease allowed: it is untouched.
        Assert.Equal(token, (await Factory.QueryAsync("SELECT LeaseToken FROM Deliveries WHERE SubscriptionId = $id", ("$id", ServiceDatabase.Key(subscription.Id))))[0][0]);
        Assert.Empty(leased.For(warning.EventId));

        // That replica died: its claim ran out.
        await Factory.ExecuteAsync("UPDATE Deliveries SET LeaseUntil = $until WHERE SubscriptionId = $id",
            ("$until", DateTime.UtcNow.AddSeconds(-1).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)), ("$id", ServiceDatabase.Key(subscription.Id)));
        await leased.WaitForAsync(warning.EventId);
        await metro.DeliveryAsync(subscription.Id, warning.EventId, d => d.Status() == "succeeded", "the taken-over delivery succeeded");
        Assert.Single(leased.For(warning.EventId));
    }
}
