using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// For SQLite files made before migrations: builds before them stamped a file with a fingerprint of the schema that
/// created it (<c>PRAGMA user_version</c>). A file made for another schema is upgraded in place to the model when the
/// difference only adds (tables, nullable columns, indexes), and refused otherwise, before the migrations adopt it
/// (<see cref="Adoption"/>). Also repairs values earlier builds could store.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Returns what was added to bring an earlier build's file up to this schema (nothing for a file of this build).</summary>
    public static async Task<IReadOnlyList<string>> CheckAsync(DbContext db, bool created, CancellationToken cancellationToken)
    {
        var script = db.Database.GenerateCreateScript();
        var fingerprint = Fingerprint(script);
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        var stamped = Convert.ToInt32(await ScalarAsync(connection, "PRAGMA user_version;", cancellationToken), CultureInfo.InvariantCulture);
        if (created || stamped == fingerprint)
        {
            await StampAsync(connection, fingerprint, cancellationToken);
            return [];
        }
        var plan = await SqliteUpgrade.PlanAsync(db, script, connection, cancellationToken);
        // Files from before the stamp carry 0: they are accepted when nothing is missing.
        if (plan.Blockers.Count == 0 && (plan.Statements.Count > 0 || stamped == 0))
        {
            try
            {
                await SqliteUpgrade.ApplyAsync(connection, plan, cancellationToken);
            }
            catch (SqliteException e)
            {
                throw Refusal(db, connection, $"adding {string.Join(", ", plan.Changes)} to it failed ({e.Message})");
            }
            await StampAsync(connection, fingerprint, cancellationToken);
            return plan.Changes;
        }
        throw Refusal(db, connection, plan.Blockers.Count > 0
            ? $"it lacks {string.Join(", ", plan.Blockers)}, which cannot be added to existing rows"
            : "its schema differs from this build's in a way that cannot be added to it");
    }

    private static InvalidOperationException Refusal(DbContext db, SqliteConnection connection, string what) => new(
        $"The database '{connection.DataSource}' was made for another version of {db.GetType().Name}: {what}. " +
        "Move the file aside (its data stay in it) or start with another data folder (--data-dir).");

    /// <summary>Repairs values earlier builds could store and that would break reads (once per file).</summary>
    public static async Task<IReadOnlyList<string>> RepairAsync(DbContext db, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        return await SqliteRepair.RunAsync(db, connection, cancellationToken);
    }

    private static int Fingerprint(string script)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(script.ReplaceLineEndings("\n")));
        return (BitConverter.ToInt32(hash, 0) & int.MaxValue) | 1;
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
