using EmergencyOps.Testing;

namespace Webhooks.API.Tests;

public sealed class OpenApiTests(WebhooksFactory factory) : IClassFixture<WebhooksFactory>
{
    [Fact]
    public async Task Every_webhooks_operation_has_a_summary_its_scopes_and_every_request_body_an_example()
    {
        using var client = factory.CreateClient();

        var operations = await OpenApiChecks.AssertDescribedAsync(client, "/api/webhooks", minOperations: 12, minBodies: 2);

        var subscribe = operations.Single(o => o.Path == "/api/webhooks/subscriptions" && o.Method == "post");
        Assert.Equal("https://hooks.metro-dispatch.example/emergencyops", subscribe.Example.GetProperty("url").GetString());
        // Either scope lets a caller in (an integrator its own, an administrator all): two alternatives.
        Assert.Equal(["webhooks:admin", "webhooks:subscribe"],
            subscribe.Operation.GetProperty("security").EnumerateArray().Select(r => r.GetProperty("oauth2").EnumerateArray().Single().GetString()));
        var replay = operations.Single(o => o.Path == "/api/webhooks/subscriptions/{id}/replay" && o.Method == "post");
        Assert.Equal("2026-11-29T08:00:00+08:00", replay.Example.GetProperty("since").GetString());
    }

    [Fact]
    public async Task Every_request_property_and_query_parameter_declares_its_limits()
    {
        using var client = factory.CreateClient();

        var missing = await ContractLimits.MissingAsync(client);

        Assert.True(missing.Count == 0, string.Join(Environment.NewLine, missing));
    }
}
