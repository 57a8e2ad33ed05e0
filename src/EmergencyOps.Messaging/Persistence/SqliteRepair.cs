using System.Globalization;
using EmergencyOps.ServiceDefaults.Input;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Repairs, once per file, values that builds before today's input rules could store and that break reads: infinite
/// numbers (null where the column allows it, else 0), text XML cannot carry (control characters removed) and whole
/// numbers beyond 32 bits in 32-bit columns (clamped). Every change is reported; <c>PRAGMA application_id</c> records that
/// the file was repaired, so later starts skip the scan.
/// </summary>
internal static class SqliteRepair
{
    /// <summary>"EOR1": repaired by the first version of these rules.</summary>
    public const int Mark = 0x454F5231;

    public static async Task<IReadOnlyList<string>> RunAsync(DbContext db, SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (Convert.ToInt32(await ScalarAsync(connection, "PRAGMA application_id;", cancellationToken), CultureInfo.InvariantCulture) == Mark)
        {
            return [];
        }
        var changes = new List<string>();
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns)
            {
                var fixedRows = column.StoreType switch
                {
                    "REAL" => await ExecuteAsync(connection,
                        $"UPDATE \"{table.Name}\" SET \"{column.Name}\" = {(column.IsNullable ? "NULL" : "0")} WHERE \"{column.Name}\" > 1.7976931348623157e308 OR \"{column.Name}\" < -1.7976931348623157e308;", cancellationToken),
                    "INTEGER" when IsInt32(column) => await ExecuteAsync(connection,
                        $"UPDATE \"{table.Name}\" SET \"{column.Name}\" = max(min(\"{column.Name}\", {int.MaxValue}), {int.MinValue}) WHERE \"{column.Name}\" > {int.MaxValue} OR \"{column.Name}\" < {int.MinValue};", cancellationToken),
                    _ => 0,
                };
                if (fixedRows > 0)
                {
                    changes.Add($"{table.Name}.{column.Name}: {fixedRows} row(s) out of range set to {(column.StoreType == "REAL" ? column.IsNullable ? "null" : "0" : "the nearest 32-bit value")}");
                }
            }
            var text = table.Columns.Where(c => c.StoreType == "TEXT").Select(c => c.Name).ToList();
            foreach (var (name, count) in await StripTextAsync(connection, table.Name, text, cancellationToken))
            {
                changes.Add($"{table.Name}.{name}: characters XML cannot carry removed from {count} row(s)");
            }
        }
        await ExecuteAsync(connection, $"PRAGMA application_id = {Mark};", cancellationToken);
        return changes;
    }

    private static bool IsInt32(IColumn column) =>
        column.PropertyMappings.Any(m => (Nullable.GetUnderlyingType(m.Property.ClrType) ?? m.Property.ClrType) == typeof(int));

    private static async Task<Dictionary<string, int>> StripTextAsync(SqliteConnection connection, string table, List<string> columns, CancellationToken cancellationToken)
    {
        var counts = new Dictionary<string, int>();
        if (columns.Count == 0)
        {
            return counts;
        }
        var fixes = new List<(long RowId, string Column, string Value)>();
        await using (var select = connection.CreateCommand())
        {
            select.CommandText = $"SELECT rowid, {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\";";
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                for (var i = 0; i < columns.Count; i++)
                {
                    if (!reader.IsDBNull(i + 1) && reader.GetString(i + 1) is var value && TextRules.FirstForbidden(value, allowLineBreaks: true) is not null)
                    {
                        fixes.Add((reader.GetInt64(0), columns[i], TextRules.Strip(value)));
                    }
                }
            }
        }
        foreach (var (rowId, column, value) in fixes)
        {
            await using var update = connection.CreateCommand();
            update.CommandText = $"UPDATE \"{table}\" SET \"{column}\" = $value WHERE rowid = $id;";
            update.Parameters.AddWithValue("$value", value);
            update.Parameters.AddWithValue("$id", rowId);
            await update.ExecuteNonQueryAsync(cancellationToken);
            counts[column] = counts.GetValueOrDefault(column) + 1;
        }
        return counts;
    }

    private static async Task<int> ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync(cancellationToken);
    }
}
