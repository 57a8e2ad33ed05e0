using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>Applies a service's migrations on its configured provider, or says which are pending.</summary>
public interface IDatabaseMigrator
{
    /// <returns>The migrations applied now (none when the database was up to date).</returns>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken);
}

/// <summary>
/// Migrations are generated per provider, each set on a context type of its own that derives from the service's
/// context (<typeparamref name="TSqlite"/>, <typeparamref name="TSqlServer"/>): EF keeps one model snapshot per context
/// type. The service itself runs on <typeparamref name="TContext"/>.
/// </summary>
public sealed partial class DatabaseMigrator<TContext, TSqlite, TSqlServer>(
    DatabaseProvider provider, string connectionString, ILogger<DatabaseMigrator<TContext, TSqlite, TSqlServer>> logger) : IDatabaseMigrator
    where TContext : DbContext
    where TSqlite : TContext
    where TSqlServer : TContext
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = Create();
        if (provider != DatabaseProvider.Sqlite)
        {
            foreach (var change in await Adoption.AdoptAsync(db, cancellationToken))
            {
                LogUpgraded(logger, "the SQL Server database", change);
            }
            // EF holds SQL Server's application lock while it migrates: two runners never apply one migration twice.
            var pending = await PendingAsync(db, cancellationToken);
            await ApplyAsync(db, pending, cancellationToken);
            return pending;
        }
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (await InitializationLock.AcquireAsync(file, TimeSpan.FromMinutes(1), cancellationToken))
        {
            var pending = await MigrateSqliteAsync(db, file, cancellationToken);
            foreach (var change in await SqliteSchema.RepairAsync(db, cancellationToken))
            {
                LogRepaired(logger, file, change);
            }
            // WAL lets the outbox dispatcher read while a request writes; the mode stays with the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            return pending;
        }
    }

    private async Task<IReadOnlyList<string>> MigrateSqliteAsync(DbContext db, string file, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> changes;
        IReadOnlyList<string> pending = [];
        if (!db.Database.GetMigrations().Any())
        {
            // A context without migrations (a test's model): created from its model, or brought up to it, as before migrations.
            changes = await SqliteSchema.CheckAsync(db, await db.Database.EnsureCreatedAsync(cancellationToken), cancellationToken);
        }
        else
        {
            changes = await Adoption.AdoptAsync(db, cancellationToken);
            pending = await PendingAsync(db, cancellationToken);
            // Under the file lock no other runner migrates: a lock row EF left is a killed run's, and would stall Migrate.
            await Adoption.ClearStaleSqliteLockAsync(db, cancellationToken);
            await ApplyAsync(db, pending, cancellationToken);
        }
        foreach (var change in changes)
        {
            LogUpgraded(logger, file, change);
        }
        return pending;
    }

    public async Task<IReadOnlyList<string>> PendingAsync(CancellationToken cancellationToken)
    {
        await using var db = Create();
        return await PendingAsync(db, cancellationToken);
    }

    // Nothing pending, nothing to run (nor a lock to take). A context without migrations (a test's model) is created from its
    // model instead; every service has migrations.
    private static Task ApplyAsync(DbContext db, IReadOnlyList<string> pending, CancellationToken cancellationToken) =>
        !db.Database.GetMigrations().Any() ? db.Database.EnsureCreatedAsync(cancellationToken)
        : pending.Count > 0 ? db.Database.MigrateAsync(cancellationToken)
        : Task.CompletedTask;

    private static async Task<IReadOnlyList<string>> PendingAsync(DbContext db, CancellationToken cancellationToken) =>
        [.. await db.Database.GetPendingMigrationsAsync(cancellationToken)];

    private TContext Create() => provider == DatabaseProvider.Sqlite
        ? MigrationContexts.Create<TSqlite>(provider, connectionString)
        : MigrationContexts.Create<TSqlServer>(provider, connectionString);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upgraded {Database} to this build's schema: {Change}")]
    private static partial void LogUpgraded(ILogger logger, string database, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Repaired {File}: {Change}")]
    private static partial void LogRepaired(ILogger logger, string file, string change);
}
