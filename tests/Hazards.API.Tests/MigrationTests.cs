using EmergencyOps.Testing;
using Hazards.API.Infrastructure;
using Hazards.API.Infrastructure.Migrations;

namespace Hazards.API.Tests;

/// <summary>The service's migrations for both providers against its model, and the upgrade of a database the previous release made.</summary>
public sealed class MigrationTests
{
    [Fact]
    public Task Sqlite_migrations_applied_to_an_empty_file_build_exactly_the_model() =>
        MigrationChecks.AssertSqliteBuildsTheModelAsync<HazardsSqliteMigrations>();

    [Fact]
    public void Sql_server_migrations_cover_the_model_and_their_idempotent_script_parses() =>
        MigrationChecks.AssertSqlServerScript<HazardsSqlServerMigrations>("hazards");

    [Fact]
    public Task A_database_the_previous_release_created_is_adopted_in_place_with_its_rows() =>
        MigrationChecks.AssertAdoptsPreviousReleaseAsync<HazardsContext, HazardsSqliteMigrations, HazardsSqlServerMigrations>();
}
