using EmergencyOps.Testing;
using Warnings.API.Infrastructure;

namespace Warnings.API.Tests;

public sealed class ServiceWiringTests(WarningsFactory factory) : IClassFixture<WarningsFactory>
{
    [Fact]
    public async Task Ready_once_database_broker_and_cache_answer() =>
        await ServiceChecks.AssertReadyAsync(factory.CreateClient());

    [Fact]
    public void Model_produces_a_valid_sql_server_schema() =>
        SqlServerSchema.AssertValidScript<WarningsContext>("warnings", options => new WarningsContext(options));
}
