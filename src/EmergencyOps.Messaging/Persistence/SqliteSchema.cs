using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Stamps a SQLite file with a fingerprint of the schema that created it (<c>PRAGMA user_version</c>) and refuses
/// to start on a file made for another schema. EnsureCreated leaves an existing file as it is, so without this a
/// file from an earlier build would start and then fail request by request on a missing table or column.
/// </summary>
internal static class SqliteSchema
{
    public static async Task CheckAsync(DbContext db, bool created, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(db.Database.GenerateCreateScript());
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        var stamped = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
        if (created || stamped == fingerprint)
        {
            await StampAsync(connection, fingerprint, cancellationToken);
            return;
        }
        var missing = await MissingTablesAsync(db, connection, cancellationToken);
        // Files from before the stamp carry 0: they are accepted once if every table is there.
        if (stamped == 0 && missing.Count == 0)
        {
            await StampAsync(connection, fingerprint, cancellationToken);
            return;
        }
        var what = missing.Count > 0 ? $"it lacks the table(s) {string.Join(", ", missing)}" : "its schema differs from this build's";
        throw new InvalidOperationException(
            $"The database '{connection.DataSource}' was made for another version of {db.GetType().Name}: {what}. " +
            "Move the file aside (its data stay in it) or start with another data folder (--data-dir).");
    }

    private static int Fingerprint(string script)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(script.ReplaceLineEndings("\n")));
        return (BitConverter.ToInt32(hash, 0) & int.MaxValue) | 1;
    }

    private static async Task<List<string>> MissingTablesAsync(DbContext db, SqliteConnection connection, CancellationToken cancellationToken)
    {
        var present = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table';";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            present.Add(reader.GetString(0));
        }
        return [.. db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>().Distinct().Where(t => !present.Contains(t)).Order()];
    }

    private static async Task StampAsync(SqliteConnection connection, int fingerprint, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA user_version = {fingerprint.ToString(CultureInfo.InvariantCulture)};";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
