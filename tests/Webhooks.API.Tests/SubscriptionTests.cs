using System.Net;
using System.Net.Http.Json;
using EmergencyOps.Testing;
using static Webhooks.API.Tests.WebhookCalls;

namespace Webhooks.API.Tests;

/// <summary>Subscribing, reading, pausing, resuming and deleting, each integrator on its own subscriptions only.</summary>
public sealed class SubscriptionTests(WebhooksFactory factory) : IClassFixture<WebhooksFactory>
{
    [Fact]
    public async Task A_subscription_gets_an_id_and_a_secret_shown_once_and_is_listed_only_to_its_owner_and_administrators()
    {
        using var metro = factory.CreateClient().Integrator("integrator-metro");
        using var media = factory.CreateClient().Integrator("integrator-media");
        using var admin = factory.CreateClient().Administrator();

        var created = await metro.SubscribeOkAsync("http://127.0.0.1:9/hooks", ["MajorHazardSourceClassified", "cn.gov.sh.emergency.warning.warning-issued.v1"],
            new { districtCodes = new[] { "310115" }, warningLevels = new[] { "orange", "red" }, status = "actual" });
        var theirs = await media.SubscribeOkAsync("http://127.0.0.1:9/media", ["WarningIssued"]);

        Assert.Matches("^whsec_[A-Za-z0-9+/]{43}=$", created.Secret);
        Assert.Equal(32, Convert.FromBase64String(created.Secret["whsec_".Length..]).Length);
        var read = await metro.JsonAsync($"/api/webhooks/subscriptions/{created.Id}");
        Assert.False(read.TryGetProperty("secret", out _));
        Assert.Equal(("integrator-metro", "active", "http://127.0.0.1:9/hooks"),
            (read.GetProperty("owner").GetString(), read.GetProperty("state").GetString(), read.GetProperty("url").GetString()));
        // Event types are stored by record name, whichever way they were named.
        Assert.Equal(["MajorHazardSourceClassified", "WarningIssued"], read.GetProperty("eventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["orange", "red"], read.GetProperty("filter").GetProperty("warningLevels").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("actual", read.GetProperty("filter").GetProperty("status").GetString());
        Assert.EndsWith("+08:00", read.GetProperty("createdAt").GetString(), StringComparison.Ordinal);

        var mine = (await metro.JsonAsync("/api/webhooks/subscriptions")).GetProperty("data").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(created.Id, mine);
        Assert.DoesNotContain(theirs.Id, mine);
        var all = (await admin.JsonAsync("/api/webhooks/subscriptions?pageSize=200")).GetProperty("data").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(created.Id, all);
        Assert.Contains(theirs.Id, all);
        var onlyMedia = (await admin.JsonAsync("/api/webhooks/subscriptions?owner=integrator-media")).GetProperty("data").EnumerateArray();
        Assert.All(onlyMedia, s => Assert.Equal("integrator-media", s.GetProperty("owner").GetString()));

        foreach (var (method, url) in new[] { ("GET", ""), ("GET", "/deliveries"), ("POST", "/pause"), ("POST", "/resume"), ("POST", "/secret/rotate"), ("DELETE", "") })
        {
            using var refused = await media.SendAsync(new HttpRequestMessage(new HttpMethod(method), $"/api/webhooks/subscriptions/{created.Id}{url}"));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal("Not your subscription", (await refused.ProblemAsync()).GetProperty("title").GetString());
        }
        Assert.Equal("active", (await metro.JsonAsync($"/api/webhooks/subscriptions/{created.Id}")).GetProperty("state").GetString());
        using var missing = await metro.GetAsync(new Uri($"/api/webhooks/subscriptions/{Guid.NewGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Pause_resume_and_delete_change_the_state_an_administrator_may_do_them_for_anyone()
    {
        using var metro = factory.CreateClient().Integrator("integrator-metro-2");
        using var admin = factory.CreateClient().Administrator();
        var created = await metro.SubscribeOkAsync("http://127.0.0.1:9/hooks", ["WarningIssued"]);
        var path = $"/api/webhooks/subscriptions/{created.Id}";

        var paused = await metro.PostOkAsync($"{path}/pause");
        var resumed = await admin.PostOkAsync($"{path}/resume");
        var pausedAgain = await metro.PostOkAsync($"{path}/pause");

        Assert.Equal(("paused", "active", "paused"), (paused.GetProperty("state").GetString(), resumed.GetProperty("state").GetString(), pausedAgain.GetProperty("state").GetString()));
        Assert.True(pausedAgain.GetProperty("version").GetInt32() > paused.GetProperty("version").GetInt32());
        Assert.Equal("paused", (await metro.JsonAsync("/api/webhooks/subscriptions?state=paused")).GetProperty("data").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == created.Id).GetProperty("state").GetString());

        using var deleted = await metro.DeleteAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await metro.JsonAsync(path, HttpStatusCode.NotFound);
        Assert.Empty(await factory.QueryAsync("SELECT * FROM Subscriptions WHERE Id = $id", ("$id", ServiceDatabase.Key(created.Id))));
    }

    [Fact]
    public async Task Subscribing_again_with_the_same_idempotency_key_replays_the_first_answer()
    {
        using var metro = factory.CreateClient().Integrator("integrator-retrying");
        var key = Guid.NewGuid().ToString();
        async Task<string> SubscribeAsync(string url)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/subscriptions") { Content = JsonContent.Create(Subscription(url, ["WarningIssued"])) };
            request.Headers.Add("Idempotency-Key", key);
            using var response = await metro.SendAsync(request);
            return $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }

        var first = await SubscribeAsync("http://127.0.0.1:9/once");
        var again = await SubscribeAsync("http://127.0.0.1:9/once");
        var changed = await SubscribeAsync("http://127.0.0.1:9/other");

        Assert.StartsWith("201", first, StringComparison.Ordinal);
        Assert.Equal(first, again);
        Assert.StartsWith("422", changed, StringComparison.Ordinal);
        Assert.Single((await metro.JsonAsync("/api/webhooks/subscriptions")).GetProperty("data").EnumerateArray());
    }

    [Fact]
    public async Task The_event_types_are_every_integration_event_with_its_cloudevents_type_and_filters()
    {
        using var metro = factory.CreateClient().Integrator("integrator-reader");

        var types = (await metro.JsonAsync("/api/webhooks/event-types")).EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);

        Assert.True(types.Count >= 30, $"{types.Count} event types");
        var classified = types["MajorHazardSourceClassified"];
        Assert.Equal("cn.gov.sh.emergency.hazard.major-hazard-source-classified.v1", classified.GetProperty("type").GetString());
        Assert.Equal(["districtCodes", "hazardLevels", "status"], classified.GetProperty("filters").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("cn.gov.sh.emergency.warning.warning-issued.v1", types["WarningIssued"].GetProperty("type").GetString());
        Assert.Equal(["districtCodes", "warningLevels", "status"], types["WarningIssued"].GetProperty("filters").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("cn.gov.sh.emergency.inventory.low-stock.v1", types["LowStock"].GetProperty("type").GetString());
        Assert.Equal("shelter", types["ShelterOpened"].GetProperty("area").GetString());
    }
}
