using Microsoft.Data.Sqlite;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// Grows a service's table in its SQLite file by copying rows it already holds, in one statement: what the services
/// would have written over months, put in within seconds, and taken out again by its marker. Each copy is made from a
/// source row <c>t</c> (selected with its <c>rowid</c> as <c>t.r</c>) and a copy number <c>n.i</c> (1, 2, …); a column keeps
/// the source's value unless an override gives the SQL for it.
/// </summary>
internal static class Clones
{
    public static SqliteConnection Open(string file) =>
        new(new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 120, Pooling = false, ForeignKeys = false }.ToString());

    /// <summary>A GUID as EF writes it to SQLite, unique per (salt, copy, source row): <paramref name="row"/> names the source's rowid.</summary>
    public static string Guid(int salt, string row = "t.r") => $"printf('%08X-0000-4000-8000-%012X', {salt}, n.i * 10000000 + {row})";

    public static async Task<int> CopyAsync(string file, string table, string source, int copies, IReadOnlyDictionary<string, string> overrides, CancellationToken cancellationToken)
    {
        if (copies <= 0)
        {
            return 0;
        }
        await using var db = Open(file);
        await db.OpenAsync(cancellationToken);
        var columns = new List<string>();
        await using (var info = db.CreateCommand())
        {
            info.CommandText = $"SELECT name, type, pk FROM pragma_table_info('{table}')";
            await using var reader = await info.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var (name, type, pk) = (reader.GetString(0), reader.GetString(1), reader.GetInt32(2));
                // The rowid alias numbers itself.
                if (!(pk == 1 && type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase) && !overrides.ContainsKey(name)))
                {
                    columns.Add(name);
                }
            }
        }
        var insert = $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {copies})
            INSERT INTO "{table}" ({string.Join(", ", columns.Select(c => $"\"{c}\""))})
            SELECT {string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var sql) ? sql : $"t.\"{c}\""))}
            FROM n, ({source}) AS t
            """;
        await using var command = db.CreateCommand();
        command.CommandTimeout = 600;
        command.CommandText = insert;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static Task ExecuteAsync(string file, string sql, CancellationToken cancellationToken) =>
        RunAsync(file, sql, command => command.ExecuteNonQueryAsync(cancellationToken), cancellationToken);

    public static Task<long> ScalarAsync(string file, string sql, CancellationToken cancellationToken) =>
        RunAsync(file, sql, async command => Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

    private static async Task<T> RunAsync<T>(string file, string sql, Func<SqliteCommand, Task<T>> run, CancellationToken cancellationToken)
    {
        await using var db = Open(file);
        await db.OpenAsync(cancellationToken);
        await using var command = db.CreateCommand();
        command.CommandTimeout = 600;
        command.CommandText = sql;
        return await run(command);
    }
}
