using EmergencyOps.Testing.Webhooks;
using System.Diagnostics;
using System.Text.Json;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;
using static Webhooks.API.Tests.TestEvents;

namespace Webhooks.API.Tests;

/// <summary>Events published on the real broker arrive at a real receiver, signed, as CloudEvents, filtered as subscribed.</summary>
public sealed class DeliveryTests(WebhooksFactory factory) : WebhookTestBase<WebhooksFactory>(factory), IClassFixture<WebhooksFactory>
{
    [Fact]
    public async Task A_published_event_arrives_signed_as_a_cloudevent_carrying_the_event_as_the_services_serialise_it_and_its_trace()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-metro");
        var subscription = await metro.SubscribeOkAsync(Receiver.Url, ["MajorHazardSourceClassified"]);
        var message = Classified(Jinshan, MajorHazardLevel.Level1);
        // A sampled trace, as a traced request that raised the event would carry.
        using var publishing = new Activity("test publish").SetIdFormat(ActivityIdFormat.W3C);
        publishing.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        publishing.Start();

        await PublishAsync(message);
        publishing.Stop();
        var webhook = await Receiver.WaitForAsync(message.EventId);

        Assert.Matches("^msg_[0-9a-f]{32}$", webhook.Id);
        Assert.InRange(long.Parse(webhook.Timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.True(Signatures.Verifies(webhook, subscription.Secret), webhook.Signature);
        Assert.Single(Signatures.Of(webhook));
        Assert.Equal("application/cloudevents+json; charset=utf-8", webhook.ContentType);
        // The receiver's span is in the trace of the publisher's request.
        Assert.NotNull(webhook.TraceParent);
        Assert.Equal(publishing.TraceId.ToHexString(), webhook.TraceParent.Split('-')[1]);

        var body = JsonDocument.Parse(webhook.Body).RootElement;
        Assert.Equal("1.0", body.GetProperty("specversion").GetString());
        Assert.Equal(message.EventId.ToString(), body.GetProperty("id").GetString());
        Assert.Equal("urn:emergencyops:hazards", body.GetProperty("source").GetString());
        Assert.Equal("cn.gov.sh.emergency.hazard.major-hazard-source-classified.v1", body.GetProperty("type").GetString());
        Assert.Equal(message.UnitId.ToString(), body.GetProperty("subject").GetString());
        Assert.Equal("application/json", body.GetProperty("datacontenttype").GetString());
        Assert.Equal(message.OccurredAt.ToUnixTimeSeconds(), body.GetProperty("time").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.EndsWith("+08:00", body.GetProperty("time").GetString(), StringComparison.Ordinal);
        var data = body.GetProperty("data");
        Assert.Equal(message.UnitId, data.GetProperty("unitId").GetGuid());
        Assert.Equal(Jinshan, data.GetProperty("districtCode").GetString());
        Assert.Equal(1, data.GetProperty("level").GetInt32());
        Assert.Equal(["7782-50-5", "7664-41-7"], data.GetProperty("cas").EnumerateArray().Select(c => c.GetString()));

        var delivery = await metro.DeliveryAsync(subscription.Id, message.EventId, d => d.Status() == "succeeded", "the delivery marked succeeded");
        Assert.Equal((webhook.Id, 1, 200), (delivery.GetProperty("webhookId").GetString(), delivery.AttemptCount(), delivery.GetProperty("lastStatusCode").GetInt32()));
        var attempt = delivery.GetProperty("attempts").EnumerateArray().Single();
        Assert.Equal((200, "none"), (attempt.GetProperty("statusCode").GetInt32(), attempt.GetProperty("error").GetString()));
        // Nothing of the receiver's body is kept.
        Assert.DoesNotContain("secret-internal-detail", delivery.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_keep_other_districts_levels_and_exercises_away()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-filtered");
        await using var everything = await WebhookReceiver.StartAsync();
        var all = await metro.SubscribeOkAsync(everything.Url, ["MajorHazardSourceClassified", "WarningIssued"]);
        var pudong = await metro.SubscribeOkAsync(Receiver.Url, ["MajorHazardSourceClassified", "WarningIssued"],
            new { districtCodes = new[] { Pudong }, warningLevels = new[] { "orange", "red" }, status = "actual" });
        var jinshanHazard = Classified(Jinshan);
        var pudongHazard = Classified(Pudong);
        var blue = Warning(Pudong, WarningLevel.Blue);
        var drill = Warning(Pudong, WarningLevel.Red, exercise: true);
        var red = Warning(Pudong, WarningLevel.Red);

        foreach (var message in new object[] { jinshanHazard, pudongHazard, blue, drill, red })
        {
            await PublishAsync(message);
        }
        foreach (var id in new[] { jinshanHazard.EventId, pudongHazard.EventId, blue.EventId, drill.EventId, red.EventId })
        {
            await everything.WaitForAsync(id);
        }
        await Receiver.WaitForAsync(pudongHazard.EventId);
        await Receiver.WaitForAsync(red.EventId);

        Assert.Empty(Receiver.For(jinshanHazard.EventId));
        Assert.Empty(Receiver.For(blue.EventId));
        Assert.Empty(Receiver.For(drill.EventId));
        Assert.Equal(5, (await metro.DeliveriesAsync(all.Id)).Count);
        Assert.Equal(new[] { red.EventId, pudongHazard.EventId }.Order(), (await metro.DeliveriesAsync(pudong.Id)).Select(d => d.GetProperty("eventId").GetGuid()).Order());
        Assert.All(everything.Received, w => Assert.True(Signatures.Verifies(w, all.Secret)));
    }

    [Fact]
    public async Task After_a_rotation_deliveries_carry_both_signatures_each_verifiable_until_the_overlap_ends()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-rotating");
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await metro.SubscribeOkAsync(receiver.Url, ["WarningIssued"]);

        var rotated = await metro.PostOkAsync($"/api/webhooks/subscriptions/{subscription.Id}/secret/rotate");
        var secret = rotated.GetProperty("secret").GetString()!;
        var warning = Warning();
        await PublishAsync(warning);
        var webhook = await receiver.WaitForAsync(warning.EventId);

        Assert.NotEqual(subscription.Secret, secret);
        Assert.Equal(subscription.Id, rotated.GetProperty("subscriptionId").GetGuid());
        var overlapEnds = rotated.GetProperty("previousSecretExpiresAt").GetDateTimeOffset();
        Assert.InRange(overlapEnds - DateTimeOffset.UtcNow, TimeSpan.FromHours(23), TimeSpan.FromHours(24));
        Assert.Equal(2, Signatures.Of(webhook).Count);
        Assert.Equal([Signatures.Expected(webhook, secret), Signatures.Expected(webhook, subscription.Secret)], Signatures.Of(webhook));
        var read = await metro.JsonAsync($"/api/webhooks/subscriptions/{subscription.Id}");
        Assert.Equal(overlapEnds, read.GetProperty("previousSecretExpiresAt").GetDateTimeOffset());
    }
}
