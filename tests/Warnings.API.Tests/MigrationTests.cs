using EmergencyOps.Testing;
using Warnings.API.Infrastructure;
using Warnings.API.Infrastructure.Migrations;

namespace Warnings.API.Tests;

/// <summary>The service's migrations for both providers against its model, the upgrade of a database the previous release migrated, and the refusal of one made before migrations.</summary>
public sealed class MigrationTests
{
    [Fact]
    public Task Sqlite_migrations_applied_to_an_empty_file_build_exactly_the_model() =>
        MigrationChecks.AssertSqliteBuildsTheModelAsync<WarningsSqliteMigrations>();

    [Fact]
    public void Sql_server_migrations_cover_the_model_and_their_idempotent_script_parses() =>
        MigrationChecks.AssertSqlServerScript<WarningsSqlServerMigrations>("warnings");

    [Fact]
    public Task A_database_the_release_before_the_list_index_migrated_is_upgraded_with_its_rows() =>
        MigrationChecks.AssertUpgradesFromAsync<WarningsContext, WarningsSqliteMigrations, WarningsSqlServerMigrations>("20261206171341_InitialCreate");

    [Fact]
    public Task A_file_made_before_migrations_is_refused_naming_the_release_to_upgrade_through() =>
        MigrationChecks.AssertRefusesFileMadeBeforeMigrationsAsync<WarningsContext, WarningsSqliteMigrations, WarningsSqlServerMigrations>();
}
