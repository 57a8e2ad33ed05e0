using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// A database the release before migrations made (EnsureCreated, or on SQL Server its generated script) has its tables
/// but no migrations history. Its schema is the first migration's, the baseline, which is recorded as applied; the
/// migrations after it then run as on any database. A SQLite file of an even earlier build is first brought up to the
/// baseline as before (what can be added is added, anything else refused with the reason): possible only while the model
/// is still the baseline's, so a later release refuses such a file and names the release to upgrade through.
/// </summary>
internal static class Adoption
{
    public static async Task<IReadOnlyList<string>> AdoptAsync(DbContext db, CancellationToken cancellationToken)
    {
        var migrations = db.Database.GetMigrations().ToList();
        var creator = db.GetService<IRelationalDatabaseCreator>();
        var history = db.GetService<IHistoryRepository>();
        if (migrations.Count == 0 || !await creator.ExistsAsync(cancellationToken) || await history.ExistsAsync(cancellationToken)
            || !await creator.HasTablesAsync(cancellationToken))
        {
            return [];
        }
        List<string> changes = [];
        if (db.Database.IsSqlite())
        {
            if (migrations.Count > 1)
            {
                throw new InvalidOperationException(
                    $"The database '{db.Database.GetDbConnection().DataSource}' was made before migrations by a build older than this one can upgrade: " +
                    $"start the release that introduced migration {migrations[0]} on it once, then this one.");
            }
            changes.AddRange(await SqliteSchema.CheckAsync(db, created: false, cancellationToken));
        }
        var baseline = new HistoryRow(migrations[0], ProductInfo.GetVersion());
        // Both or neither: an empty history would make the next run create the baseline's tables over the existing ones.
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(baseline), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        changes.Add($"recorded the baseline migration {baseline.MigrationId} as applied to a database made before migrations");
        return changes;
    }

    /// <summary>Removes EF's SQLite migration lock row, which a run killed mid-migration leaves behind; call only under the file lock.</summary>
    public static async Task ClearStaleSqliteLockAsync(DbContext db, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using var exists = connection.CreateCommand();
        exists.CommandText = "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock';";
        if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
        {
            return;
        }
        await using DbCommand clear = connection.CreateCommand();
        clear.CommandText = "DELETE FROM \"__EFMigrationsLock\";";
        await clear.ExecuteNonQueryAsync(cancellationToken);
    }
}
