using EmergencyOps.Testing;
using Webhooks.API.Infrastructure;

namespace Webhooks.API.Tests;

public sealed class ServiceWiringTests(WebhooksFactory factory) : IClassFixture<WebhooksFactory>
{
    [Fact]
    public async Task Ready_once_database_broker_and_cache_answer() =>
        await ServiceChecks.AssertReadyAsync(factory.CreateClient());

    [Fact]
    public async Task Answers_its_smoke_request_with_a_correlation_id() =>
        await ServiceChecks.AssertPingAsync(factory.CreateClient(), "webhooks");
}
