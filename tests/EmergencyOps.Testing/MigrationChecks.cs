using EmergencyOps.Messaging.Inbox;
using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using Xunit;

namespace EmergencyOps.Testing;

/// <summary>
/// A service's migrations against its model, for both providers and without a SQL Server: applied to an empty SQLite
/// file they build exactly what the model describes; neither provider has model changes left without a migration; the
/// idempotent SQL Server script parses with the T-SQL parser (and is written to artifacts/sqlserver/ for review); and a
/// file the previous release made with EnsureCreated is adopted in place with its rows.
/// </summary>
public static class MigrationChecks
{
    public static async Task AssertSqliteBuildsTheModelAsync<TSqlite>() where TSqlite : DbContext
    {
        var migratedFile = TestInfrastructure.FreshSqliteConnectionString("migrated");
        var createdFile = TestInfrastructure.FreshSqliteConnectionString("created");
        await using var migrated = MigrationContexts.Create<TSqlite>(DatabaseProvider.Sqlite, migratedFile);
        Assert.NotEmpty(migrated.Database.GetMigrations());
        Assert.False(migrated.Database.HasPendingModelChanges(), $"{typeof(TSqlite).Name}: the model has changes no migration makes; add one (README, Migrations)");
        await migrated.Database.MigrateAsync();
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());

        await using var created = MigrationContexts.Create<TSqlite>(DatabaseProvider.Sqlite, createdFile);
        await created.Database.EnsureCreatedAsync();
        Assert.Equal(await SqliteShape.OfAsync(createdFile), await SqliteShape.OfAsync(migratedFile));
    }

    public static void AssertSqlServerScript<TSqlServer>(string service) where TSqlServer : DbContext
    {
        using var db = MigrationContexts.Create<TSqlServer>(DatabaseProvider.SqlServer, $"Server=unused;Database={service};Trusted_Connection=True");
        Assert.Equal("Microsoft.EntityFrameworkCore.SqlServer", db.Database.ProviderName);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), $"{typeof(TSqlServer).Name}: the model has changes no migration makes; add one (README, Migrations)");
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        var fragment = (TSqlScript)parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors.Select(e => $"line {e.Line}: {e.Message}")));
        // Every statement of an idempotent script sits inside an IF block: the tables are found at any depth.
        var tables = new CreatedTables();
        fragment.Accept(tables);
        Assert.Contains(HistoryRepository.DefaultTableName, tables.Names);
        Assert.True(tables.Names.Count > 1, $"the script of {typeof(TSqlServer).Name} creates the model's tables");

        var folder = Path.Combine(Repository.Root(), "artifacts", "sqlserver");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, service + ".sql"), script);
    }

    /// <summary>
    /// A file as the previous release left it (EnsureCreated, its schema stamp, rows from <paramref name="seed"/>) is adopted
    /// by the service's migrator: every migration recorded, nothing pending, no table losing a row; a second run changes nothing.
    /// </summary>
    public static async Task AssertAdoptsPreviousReleaseAsync<TContext, TSqlite, TSqlServer>(Action<TContext>? seed = null)
        where TContext : DbContext where TSqlite : TContext where TSqlServer : TContext
    {
        seed ??= PreviousReleaseRow;
        var connection = TestInfrastructure.FreshSqliteConnectionString("previous");
        await using (var previous = MigrationContexts.Create<TContext>(DatabaseProvider.Sqlite, connection))
        {
            await previous.Database.EnsureCreatedAsync();
            seed(previous);
            await previous.SaveChangesAsync();
        }
        var before = await SqliteShape.RowCountsAsync(connection);
        var migrator = SqliteMigrator<TContext, TSqlite, TSqlServer>(connection);

        Assert.Empty(await migrator.MigrateAsync(CancellationToken.None));
        Assert.Empty(await migrator.PendingAsync(CancellationToken.None));
        Assert.Empty(await migrator.MigrateAsync(CancellationToken.None));
        await using var adopted = MigrationContexts.Create<TSqlite>(DatabaseProvider.Sqlite, connection);
        Assert.Equal(adopted.Database.GetMigrations(), await adopted.Database.GetAppliedMigrationsAsync());
        await AssertRowsKeptAsync(connection, before);
    }

    /// <summary>
    /// A file a release migrated up to <paramref name="previous"/> (with rows from <paramref name="seed"/>) is brought up to
    /// this one by the service's migrator: every migration applied, nothing pending, no table losing a row.
    /// </summary>
    public static async Task AssertUpgradesFromAsync<TContext, TSqlite, TSqlServer>(string previous, Action<TContext>? seed = null)
        where TContext : DbContext where TSqlite : TContext where TSqlServer : TContext
    {
        seed ??= PreviousReleaseRow;
        var connection = TestInfrastructure.FreshSqliteConnectionString("previous");
        await using (var old = MigrationContexts.Create<TSqlite>(DatabaseProvider.Sqlite, connection))
        {
            await old.GetService<IMigrator>().MigrateAsync(previous);
            Assert.NotEmpty(await old.Database.GetPendingMigrationsAsync());
            seed(old);
            await old.SaveChangesAsync();
        }
        var before = await SqliteShape.RowCountsAsync(connection);
        var migrator = SqliteMigrator<TContext, TSqlite, TSqlServer>(connection);

        await migrator.MigrateAsync(CancellationToken.None);

        Assert.Empty(await migrator.PendingAsync(CancellationToken.None));
        await using var upgraded = MigrationContexts.Create<TSqlite>(DatabaseProvider.Sqlite, connection);
        Assert.Equal(upgraded.Database.GetMigrations(), await upgraded.Database.GetAppliedMigrationsAsync());
        await AssertRowsKeptAsync(connection, before);
    }

    /// <summary>
    /// Once a service has migrations after its baseline, a SQLite file made before migrations is refused, naming the release
    /// to upgrade through (the one whose model was the baseline), and is left as it was.
    /// </summary>
    public static async Task AssertRefusesFileMadeBeforeMigrationsAsync<TContext, TSqlite, TSqlServer>()
        where TContext : DbContext where TSqlite : TContext where TSqlServer : TContext
    {
        var connection = TestInfrastructure.FreshSqliteConnectionString("previous");
        await using (var previous = MigrationContexts.Create<TContext>(DatabaseProvider.Sqlite, connection))
        {
            await previous.Database.EnsureCreatedAsync();
        }
        var before = await SqliteShape.RowCountsAsync(connection);
        var migrator = SqliteMigrator<TContext, TSqlite, TSqlServer>(connection);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => migrator.MigrateAsync(CancellationToken.None));

        await using var migrations = MigrationContexts.Create<TSqlite>(DatabaseProvider.Sqlite, connection);
        Assert.Contains($"start the release that introduced migration {migrations.Database.GetMigrations().First()}", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, await SqliteShape.RowCountsAsync(connection));
    }

    // By default a message the previous release consumed: every service but identity keeps them.
    private static void PreviousReleaseRow(DbContext db) =>
        db.Set<InboxMessage>().Add(new InboxMessage { MessageId = Guid.NewGuid(), ConsumerId = "previous-release", ReceivedAt = DateTime.UtcNow });

    private static async Task AssertRowsKeptAsync(string connection, IReadOnlyDictionary<string, long> before)
    {
        var after = await SqliteShape.RowCountsAsync(connection);
        Assert.All(before, table => Assert.Equal(table.Value, after[table.Key]));
        Assert.Contains(before, table => table.Value > 0);
    }

    private static DatabaseMigrator<TContext, TSqlite, TSqlServer> SqliteMigrator<TContext, TSqlite, TSqlServer>(string connection)
        where TContext : DbContext where TSqlite : TContext where TSqlServer : TContext =>
        new(DatabaseProvider.Sqlite, connection, NullLogger<DatabaseMigrator<TContext, TSqlite, TSqlServer>>.Instance);

    private sealed class CreatedTables : TSqlFragmentVisitor
    {
        public List<string> Names { get; } = [];

        public override void Visit(CreateTableStatement node) => Names.Add(node.SchemaObjectName.BaseIdentifier.Value);
    }
}
