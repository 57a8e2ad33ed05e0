using EmergencyOps.Testing.Webhooks;
using EmergencyOps.Testing;
using static Webhooks.API.Tests.TestEvents;

namespace Webhooks.API.Tests;

/// <summary>The retry schedule on a clock the test moves: 5xx and 429 retried (Retry-After honoured), 410 disables, the last failure fails.</summary>
public sealed class RetryTests(ClockedFactory factory) : WebhookTestBase<ClockedFactory>(factory), IClassFixture<ClockedFactory>
{
    private DateTimeOffset Now => Factory.Clock!.GetUtcNow();

    [Fact]
    public async Task A_500_is_retried_after_the_schedules_delay_with_the_same_id_and_body_and_a_fresh_valid_signature()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-500");
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await metro.SubscribeOkAsync(receiver.Url, ["WarningIssued"]);
        receiver.Script(new Reply(500));
        var warning = Warning();

        await PublishAsync(warning);
        var first = await receiver.WaitForAsync(warning.EventId);
        var pending = (await metro.DeliveryAsync(subscription.Id, warning.EventId, d => d.AttemptCount() == 1, "the first attempt recorded"));
        Assert.Equal("pending", pending.Status());
        Assert.Equal(Now.AddSeconds(5).ToUnixTimeSeconds(), pending.NextAttemptAt()!.Value.ToUnixTimeSeconds());
        Assert.Equal((500, "httpStatus"), (pending.GetProperty("lastStatusCode").GetInt32(), pending.GetProperty("lastError").GetString()));

        Factory.Clock!.Advance(TimeSpan.FromSeconds(5));
        var second = await receiver.WaitForAsync(warning.EventId, count: 2);

        Assert.Equal((first.Id, first.Body), (second.Id, second.Body));
        Assert.NotEqual(first.Timestamp, second.Timestamp);
        Assert.True(Signatures.Verifies(second, subscription.Secret));
        var done = (await metro.DeliveryAsync(subscription.Id, warning.EventId, d => d.Status() == "succeeded", "the retry succeeded"));
        Assert.Equal([500, 200], done.GetProperty("attempts").EnumerateArray().Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(2, done.AttemptCount());
    }

    [Fact]
    public async Task A_429_is_retried_when_its_retry_after_says_not_on_the_schedule()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-429");
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await metro.SubscribeOkAsync(receiver.Url, ["WarningIssued"]);
        receiver.Script(new Reply(429, RetryAfter: "120"));
        var warning = Warning();

        await PublishAsync(warning);
        await receiver.WaitForAsync(warning.EventId);
        var limited = (await metro.DeliveryAsync(subscription.Id, warning.EventId, d => d.AttemptCount() == 1, "the rate-limited attempt"));
        Assert.Equal(Now.AddSeconds(120).ToUnixTimeSeconds(), limited.NextAttemptAt()!.Value.ToUnixTimeSeconds());

        Factory.Clock!.Advance(TimeSpan.FromSeconds(120));
        await receiver.WaitForAsync(warning.EventId, count: 2);
        await metro.DeliveryAsync(subscription.Id, warning.EventId, d => d.Status() == "succeeded", "the delivery after Retry-After");
    }

    [Fact]
    public async Task A_410_disables_the_subscription_with_its_reason_and_later_events_are_not_recorded_for_it()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-gone");
        await using var gone = await WebhookReceiver.StartAsync();
        var subscription = await metro.SubscribeOkAsync(gone.Url, ["WarningIssued"]);
        var marker = await metro.SubscribeOkAsync(Receiver.Url, ["WarningIssued"]);
        gone.Script(new Reply(410));
        var first = Warning();

        await PublishAsync(first);
        var failed = (await metro.DeliveryAsync(subscription.Id, first.EventId, d => d.Status() == "failed", "the 410 delivery failed"));
        var disabled = await metro.JsonAsync($"/api/webhooks/subscriptions/{subscription.Id}");
        var second = Warning();
        await PublishAsync(second);
        await Receiver.WaitForAsync(second.EventId);

        Assert.Equal((1, 410), (failed.AttemptCount(), failed.GetProperty("lastStatusCode").GetInt32()));
        Assert.Equal("disabled", disabled.GetProperty("state").GetString());
        Assert.Contains("410 Gone", disabled.GetProperty("disabledReason").GetString(), StringComparison.Ordinal);
        Assert.Single(await metro.DeliveriesAsync(subscription.Id));
        Assert.Equal(2, (await metro.DeliveriesAsync(marker.Id)).Count);
        var resumed = await metro.PostOkAsync($"/api/webhooks/subscriptions/{subscription.Id}/resume");
        Assert.Equal(("active", System.Text.Json.JsonValueKind.Null), (resumed.GetProperty("state").GetString(), resumed.GetProperty("disabledReason").ValueKind));
    }

    [Fact]
    public async Task After_the_last_attempt_of_the_day_long_schedule_a_delivery_is_failed_listed_and_replayed_with_its_webhook_id()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-down");
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await metro.SubscribeOkAsync(receiver.Url, ["WarningIssued"]);
        receiver.Script([.. Enumerable.Repeat(new Reply(503), 8)]);
        var since = Now;
        var warning = Warning();

        await PublishAsync(warning);
        TimeSpan[] delays = [TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10)];
        for (var attempt = 1; attempt <= 8; attempt++)
        {
            await receiver.WaitForAsync(warning.EventId, attempt);
            var recorded = (await metro.DeliveryAsync(subscription.Id, warning.EventId, d => d.AttemptCount() == attempt, $"attempt {attempt} recorded"));
            if (attempt < 8)
            {
                Assert.Equal(Now.Add(delays[attempt - 1]).ToUnixTimeSeconds(), recorded.NextAttemptAt()!.Value.ToUnixTimeSeconds());
                Factory.Clock!.Advance(delays[attempt - 1]);
            }
        }

        var failed = Assert.Single(await metro.DeliveriesAsync(subscription.Id, "failed"));
        Assert.Equal((8, 8), (failed.AttemptCount(), failed.GetProperty("attempts").GetArrayLength()));
        Assert.All(failed.GetProperty("attempts").EnumerateArray(), a => Assert.Equal(503, a.GetProperty("statusCode").GetInt32()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, failed.GetProperty("nextAttemptAt").ValueKind);
        var webhookId = receiver.For(warning.EventId)[0].Id;
        Assert.All(receiver.For(warning.EventId), w => Assert.Equal(webhookId, w.Id));

        var replay = await metro.PostOkAsync($"/api/webhooks/deliveries/{failed.GetProperty("id").GetGuid()}/replay", expected: System.Net.HttpStatusCode.Accepted);
        var replayed = await receiver.WaitForAsync(warning.EventId, 9);
        var succeeded = (await metro.DeliveryAsync(subscription.Id, warning.EventId, d => d.Status() == "succeeded", "the replay succeeded"));
        var again = await metro.PostOkAsync($"/api/webhooks/subscriptions/{subscription.Id}/replay", new { since }, System.Net.HttpStatusCode.Accepted);
        var replayedAgain = await receiver.WaitForAsync(warning.EventId, 10);

        Assert.Equal("pending", replay.GetProperty("status").GetString());
        Assert.Equal((webhookId, webhookId), (replayed.Id, replayedAgain.Id));
        Assert.Equal(receiver.For(warning.EventId)[0].Body, replayedAgain.Body);
        Assert.True(Signatures.Verifies(replayed, subscription.Secret));
        Assert.Equal((1, 9), (succeeded.AttemptCount(), succeeded.GetProperty("attempts").GetArrayLength()));
        Assert.Equal(1, again.GetProperty("deliveries").GetInt32());
        Assert.Empty(await metro.DeliveriesAsync(subscription.Id, "failed"));
    }
}
