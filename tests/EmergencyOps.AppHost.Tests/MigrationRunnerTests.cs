using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Data.Sqlite;

namespace EmergencyOps.AppHost.Tests;

/// <summary>Under the AppHost the schema comes from the migration runners: one-shot resources that finish before their services start.</summary>
[Collection(RunningSystem.Name)]
public sealed class MigrationRunnerTests(SystemFixture system)
{
    [Fact]
    public async Task Each_service_s_migration_runner_finished_cleanly_and_left_its_database_with_every_migration_recorded()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var service in SystemFixture.Services.Prepend("identity"))
        {
            var finished = await system.App.ResourceNotifications.WaitForResourceAsync(
                service + "-migrations", e => e.Snapshot.State?.Text == KnownResourceStates.Finished, timeout.Token);
            Assert.Equal(0, finished.Snapshot.ExitCode);

            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(system.DataDirectory, service + ".db"), Mode = SqliteOpenMode.ReadOnly, Pooling = false,
            }.ToString());
            await connection.OpenAsync(timeout.Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\" LIMIT 1";
            Assert.EndsWith("_InitialCreate", (string?)await command.ExecuteScalarAsync(timeout.Token) ?? "", StringComparison.Ordinal);
        }
    }
}
