using EmergencyOps.Testing;
using Inventory.API.Infrastructure;

namespace Inventory.API.Tests;

public sealed class ServiceWiringTests(InventoryFactory factory) : IClassFixture<InventoryFactory>
{
    [Fact]
    public async Task Ready_once_database_broker_and_cache_answer() =>
        await ServiceChecks.AssertReadyAsync(factory.CreateClient());
}
