using EmergencyOps.Testing.Webhooks;
using static Webhooks.API.Tests.TestEvents;

namespace Webhooks.API.Tests;

/// <summary>The breaker opens after two failed sends to a receiver; a clock that stands still keeps it open.</summary>
public sealed class BreakerFactory : ClockedFactory
{
    public BreakerFactory()
    {
        Settings["Webhooks:BreakerMinimumThroughput"] = "2";
        Settings["Webhooks:BreakerBreakDuration"] = "00:10:00";
        Settings["Webhooks:RequestTimeout"] = "00:00:01";
        Settings["Webhooks:MaxConcurrencyPerEndpoint"] = "2";
    }
}

/// <summary>A receiver that never answers costs a few timed-out sends, then nothing: the healthy one gets everything meanwhile.</summary>
public sealed class CircuitBreakerTests(BreakerFactory factory) : WebhookTestBase<BreakerFactory>(factory), IClassFixture<BreakerFactory>
{
    [Fact]
    public async Task A_dead_receiver_does_not_delay_a_healthy_one_and_its_deliveries_wait_with_their_attempts_unspent()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-breaker");
        await using var dead = await WebhookReceiver.StartAsync();
        dead.Hang = true;
        var deadSubscription = await metro.SubscribeOkAsync(dead.Url, ["WarningIssued"]);
        var healthySubscription = await metro.SubscribeOkAsync(Receiver.Url, ["WarningIssued"]);
        var warnings = Enumerable.Range(0, 12).Select(_ => Warning()).ToList();

        foreach (var warning in warnings)
        {
            await PublishAsync(warning);
        }
        foreach (var warning in warnings)
        {
            await Receiver.WaitForAsync(warning.EventId);
        }
        var deadDeliveries = await EmergencyOps.Testing.Eventually.GetAsync(async () =>
            await metro.DeliveriesAsync(deadSubscription.Id) is { Count: 12 } all && all.Count(d => d.AttemptCount() > 0) >= 2 ? all : null, "the dead receiver's deliveries");

        // Two per-endpoint slots, two timeouts open the circuit: at most the sends in flight then reached the dead receiver.
        Assert.InRange(dead.Received.Count, 2, 4);
        Assert.InRange(deadDeliveries.Count(d => d.AttemptCount() > 0), 2, 4);
        Assert.All(deadDeliveries, d => Assert.Equal("pending", d.Status()));
        Assert.All(deadDeliveries.Where(d => d.AttemptCount() > 0), d => Assert.Equal("timeout", d.GetProperty("lastError").GetString()));
        Assert.True(deadDeliveries.Count(d => d.AttemptCount() == 0) >= 8);
        Assert.All(await metro.DeliveriesAsync(healthySubscription.Id), d => Assert.Equal(("succeeded", 1), (d.Status(), d.AttemptCount())));
    }
}
