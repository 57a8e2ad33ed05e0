using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Tests;

/// <summary>
/// On SQL Server the units of work open their own transactions. A retrying execution strategy refuses every statement
/// in a transaction it did not open, so the provider is configured without one.
/// </summary>
public sealed class SqlServerOptionsTests
{
    [Fact]
    public void The_sql_server_provider_runs_without_a_retrying_strategy_that_would_refuse_the_units_of_work()
    {
        var options = new DbContextOptionsBuilder<TestContext>();
        options.UseConfiguredProvider(DatabaseProvider.SqlServer, "Server=127.0.0.1,1;Database=none;User Id=none;Password=none;TrustServerCertificate=true");
        using var db = new TestContext(options.Options);

        var strategy = db.Database.CreateExecutionStrategy();

        Assert.False(strategy.RetriesOnFailure);
    }
}
