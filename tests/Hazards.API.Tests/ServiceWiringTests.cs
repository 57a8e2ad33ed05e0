using EmergencyOps.Testing;
using Hazards.API.Infrastructure;

namespace Hazards.API.Tests;

public sealed class ServiceWiringTests(HazardsFactory factory) : IClassFixture<HazardsFactory>
{
    [Fact]
    public async Task Ready_once_database_broker_and_cache_answer() =>
        await ServiceChecks.AssertReadyAsync(factory.CreateClient());

    [Fact]
    public async Task Answers_its_smoke_request_with_a_correlation_id() =>
        await ServiceChecks.AssertPingAsync(factory.CreateClient(), "hazards");
}
