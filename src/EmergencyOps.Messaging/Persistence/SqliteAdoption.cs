using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// A SQLite file an earlier release made with EnsureCreated has its tables but no migrations history. It is brought up to
/// this build's model as before (what can be added is added, anything else is refused with the reason), and then every
/// migration is recorded as applied: together they build exactly that model. New and migrated files are left alone.
/// </summary>
internal static class SqliteAdoption
{
    private const string HistoryTable = HistoryRepository.DefaultTableName;

    public static async Task<IReadOnlyList<string>> AdoptAsync(DbContext db, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        var tables = await TablesAsync(connection, cancellationToken);
        // EF's own tables alone (its migration lock) are a new file too.
        if (tables.Contains(HistoryTable) || tables.All(t => t.StartsWith("__EF", StringComparison.Ordinal)))
        {
            return [];
        }
        var changes = await SqliteSchema.CheckAsync(db, created: false, cancellationToken);
        var history = db.GetService<IHistoryRepository>();
        var version = ProductInfo.GetVersion();
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(transaction, history.GetCreateIfNotExistsScript(), cancellationToken);
        foreach (var migration in db.Database.GetMigrations())
        {
            await ExecuteAsync(transaction, history.GetInsertScript(new HistoryRow(migration, version)), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return [.. changes, $"recorded {db.Database.GetMigrations().Count()} migration(s) as applied to a file made before migrations"];
    }

    private static async Task<HashSet<string>> TablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%';";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static async Task ExecuteAsync(System.Data.Common.DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
