using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Shelters.API.Infrastructure;
using Shelters.API.Infrastructure.Migrations;

namespace Shelters.API.Tests;

/// <summary>A service told not to migrate at start (as the AppHost and Kubernetes run it) and the runner that migrates for it.</summary>
public sealed class MigrationRunnerTests
{
    private sealed class NotMigratingFactory(string database) : SheltersFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:sheltersdb", database);
            builder.UseSetting("Database:MigrateAtStart", "false");
        }
    }

    [Fact]
    public async Task The_service_refuses_a_database_with_pending_migrations_and_starts_once_the_runner_applied_them()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("shelters-runner");
        await using (var refused = new NotMigratingFactory(database))
        {
            var error = Assert.ThrowsAny<Exception>(() => refused.CreateClient());
            Assert.Contains("lacks 2 migration(s)", error.ToString(), StringComparison.Ordinal);
            Assert.Contains("--migrate", error.ToString(), StringComparison.Ordinal);
        }

        var runner = new DatabaseMigrator<SheltersContext, SheltersSqliteMigrations, SheltersSqlServerMigrations>(
            DatabaseProvider.Sqlite, database, NullLogger<DatabaseMigrator<SheltersContext, SheltersSqliteMigrations, SheltersSqlServerMigrations>>.Instance);
        Assert.Equal(2, (await runner.MigrateAsync(CancellationToken.None)).Count);
        Assert.Empty(await runner.MigrateAsync(CancellationToken.None));

        await using var started = new NotMigratingFactory(database);
        using var client = started.CreateClient();
        await ServiceChecks.AssertReadyAsync(client);
    }
}
