using EmergencyOps.Testing;
using Warnings.API.Infrastructure;

namespace Warnings.API.Tests;

public sealed class ServiceWiringTests(WarningsFactory factory) : IClassFixture<WarningsFactory>
{
    [Fact]
    public async Task Ready_once_database_broker_and_cache_answer() =>
        await ServiceChecks.AssertReadyAsync(factory.CreateClient());
}
