using EmergencyOps.Testing;
using Shelters.API.Infrastructure;

namespace Shelters.API.Tests;

public sealed class ServiceWiringTests(SheltersFactory factory) : IClassFixture<SheltersFactory>
{
    [Fact]
    public async Task Ready_once_database_broker_and_cache_answer() =>
        await ServiceChecks.AssertReadyAsync(factory.CreateClient());
}
