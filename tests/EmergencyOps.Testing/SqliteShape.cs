using Microsoft.Data.Sqlite;

namespace EmergencyOps.Testing;

/// <summary>What a SQLite file holds, read from its catalogue: every table's columns and indexes, and its row counts.</summary>
public static class SqliteShape
{
    /// <summary>One line per column and index of every table but EF's own, sorted: two files with equal lines have one schema.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(string connectionString)
    {
        const string sql = """
            SELECT t.name || '.' || c.name || ' ' || c.type || (CASE WHEN c."notnull" THEN ' not null' ELSE '' END) || (CASE WHEN c.pk > 0 THEN ' pk' || c.pk ELSE '' END)
            FROM sqlite_master t, pragma_table_info(t.name) c
            WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.name NOT LIKE '__EF%'
            UNION ALL
            SELECT t.name || ' index ' || i.name || (CASE WHEN i."unique" THEN ' unique' ELSE '' END) || ' (' ||
                (SELECT group_concat(name, ',') FROM (SELECT ii.name FROM pragma_index_info(i.name) ii ORDER BY ii.seqno)) || ')'
            FROM sqlite_master t, pragma_index_list(t.name) i
            WHERE t.type = 'table' AND t.name NOT LIKE 'sqlite_%' AND t.name NOT LIKE '__EF%'
            """;
        var lines = await QueryAsync(connectionString, sql, r => r.GetString(0));
        return [.. lines.Order(StringComparer.Ordinal)];
    }

    public static async Task<IReadOnlyDictionary<string, long>> RowCountsAsync(string connectionString)
    {
        var tables = await QueryAsync(connectionString,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__EF%'", r => r.GetString(0));
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            counts[table] = (await QueryAsync(connectionString, $"SELECT COUNT(*) FROM \"{table}\"", r => r.GetInt64(0)))[0];
        }
        return counts;
    }

    private static async Task<List<T>> QueryAsync<T>(string connectionString, string sql, Func<SqliteDataReader, T> read)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
