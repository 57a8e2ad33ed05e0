using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Testing;
using EmergencyOps.Testing.BadInput;
using static Webhooks.API.Tests.TestEvents;

namespace Webhooks.API.Tests;

/// <summary>Bad input is a problem naming the field, never a 500, and changes nothing.</summary>
public sealed class BadInputTests(WebhooksFactory factory) : WebhookTestBase<WebhooksFactory>(factory), IClassFixture<WebhooksFactory>
{
    [Fact]
    public async Task No_generated_bad_input_is_accepted_answered_5xx_or_changes_a_table()
    {
        using var admin = Factory.CreateClient().Administrator();
        var subscription = await admin.SubscribeOkAsync(Receiver.Url, ["WarningIssued"]);
        var warning = Warning();
        await PublishAsync(warning);
        var delivery = (await admin.DeliveryAsync(subscription.Id, warning.EventId, d => d.Status() == "succeeded", "a delivered event"));

        var report = await BadInputSuite.RunAsync(admin, Factory.DatabaseConnectionString, "/api/webhooks", (_, name) => name switch
        {
            "id" => subscription.Id.ToString(),
            "deliveryId" => delivery.GetProperty("id").GetString(),
            _ => null,
        });

        report.AssertClean(minOperations: 12, minRequests: 100);
    }

    [Theory]
    [InlineData("""{"eventTypes":["WarningIssued"]}""", "url")]
    [InlineData("""{"url":"not a url","eventTypes":["WarningIssued"]}""", "url")]
    [InlineData("""{"url":"ftp://127.0.0.1/x","eventTypes":["WarningIssued"]}""", "url")]
    [InlineData("""{"url":"http://u:p@127.0.0.1/x","eventTypes":["WarningIssued"]}""", "url")]
    [InlineData("""{"url":"http://127.0.0.1/x"}""", "eventTypes")]
    [InlineData("""{"url":"http://127.0.0.1/x","eventTypes":[]}""", "eventTypes")]
    [InlineData("""{"url":"http://127.0.0.1/x","eventTypes":["NoSuchEvent"]}""", "eventTypes")]
    [InlineData("""{"url":"http://127.0.0.1/x","eventTypes":["WarningIssued"],"filter":{"districtCodes":["999999"]}}""", "filter.districtCodes")]
    [InlineData("""{"url":"http://127.0.0.1/x","eventTypes":["WarningIssued"],"filter":{"warningLevels":["purple"]}}""", "filter.warningLevels")]
    [InlineData("""{"url":"http://127.0.0.1/x","eventTypes":["WarningIssued"],"filter":{"warningLevels":[2]}}""", "filter.warningLevels")]
    [InlineData("""{"url":"http://127.0.0.1/x","eventTypes":["WarningIssued"],"filter":{"hazardLevels":["level1"]}}""", "filter.hazardLevels")]
    [InlineData("""{"url":"http://127.0.0.1/x","eventTypes":["ProductCoded"],"filter":{"districtCodes":["310115"]}}""", "filter.districtCodes")]
    [InlineData("""{"url":"http://127.0.0.1/x","eventTypes":["WarningIssued"],"filter":{"status":"drill"}}""", "filter.status")]
    [InlineData("""{"url":"http://127.0.0.1/x","eventTypes":["WarningIssued"],"description":"a\u0001b"}""", "description")]
    [InlineData("""{"url":"http://127.0.0.1/x","eventTypes":["WarningIssued"],"allowPrivateNetwork":"yes"}""", "allowPrivateNetwork")]
    public async Task A_bad_subscription_is_a_problem_naming_its_field(string body, string field)
    {
        using var metro = Factory.CreateClient().Integrator("integrator-bad");

        using var response = await metro.PostAsync("/api/webhooks/subscriptions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        await response.FieldProblemAsync(field);
        Assert.Empty((await metro.JsonAsync("/api/webhooks/subscriptions")).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task A_long_url_and_a_replay_without_a_time_are_refused_by_field()
    {
        using var metro = Factory.CreateClient().Integrator("integrator-bad-2");
        // Not to WarningIssued: the bad-input run publishes one, and a delivery to this dead port would be retried (and its
        // rows change) while that run compares the tables.
        var subscription = await metro.SubscribeOkAsync("http://127.0.0.1:9/x", ["ProductCoded"]);

        using var longUrl = await metro.PostAsJsonAsync("/api/webhooks/subscriptions", WebhookCalls.Subscription("http://127.0.0.1/" + new string('a', 2_001), ["WarningIssued"]));
        using var noSince = await metro.PostAsJsonAsync($"/api/webhooks/subscriptions/{subscription.Id}/replay", new { });
        using var badStatus = await metro.GetAsync(new Uri($"/api/webhooks/subscriptions/{subscription.Id}/deliveries?status=lost", UriKind.Relative));
        using var unknownDelivery = await metro.PostAsync(new Uri($"/api/webhooks/deliveries/{Guid.NewGuid()}/replay", UriKind.Relative), null);

        await longUrl.FieldProblemAsync("url");
        await noSince.FieldProblemAsync("since");
        await badStatus.FieldProblemAsync("status");
        Assert.Equal(HttpStatusCode.NotFound, unknownDelivery.StatusCode);
    }
}
