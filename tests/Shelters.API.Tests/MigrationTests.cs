using EmergencyOps.Testing;
using Shelters.API.Infrastructure;
using Shelters.API.Infrastructure.Migrations;

namespace Shelters.API.Tests;

/// <summary>The service's migrations for both providers against its model, the upgrade of a database the previous release migrated, and the refusal of one made before migrations.</summary>
public sealed class MigrationTests
{
    [Fact]
    public Task Sqlite_migrations_applied_to_an_empty_file_build_exactly_the_model() =>
        MigrationChecks.AssertSqliteBuildsTheModelAsync<SheltersSqliteMigrations>();

    [Fact]
    public void Sql_server_migrations_cover_the_model_and_their_idempotent_script_parses() =>
        MigrationChecks.AssertSqlServerScript<SheltersSqlServerMigrations>("shelters");

    [Fact]
    public Task A_database_the_release_before_the_location_index_migrated_is_upgraded_with_its_rows() =>
        MigrationChecks.AssertUpgradesFromAsync<SheltersContext, SheltersSqliteMigrations, SheltersSqlServerMigrations>("20261206171413_InitialCreate");

    [Fact]
    public Task A_file_made_before_migrations_is_refused_naming_the_release_to_upgrade_through() =>
        MigrationChecks.AssertRefusesFileMadeBeforeMigrationsAsync<SheltersContext, SheltersSqliteMigrations, SheltersSqlServerMigrations>();
}
