using Microsoft.Data.Sqlite;

namespace EmergencyOps.Testing;

/// <summary>
/// Direct access to a service's SQLite file: to plant rows that today's API would refuse (as builds before the input
/// rules could have left them), and to look at tables no endpoint lists.
/// </summary>
public static class ServiceDatabase
{
    /// <summary>A UUID as EF Core stores it in SQLite (upper-case text).</summary>
    public static string Key(Guid id) => id.ToString().ToUpperInvariant();

    public static async Task<int> ExecuteAsync<TProgram>(this ServiceFactory<TProgram> factory, string sql, params (string Name, object Value)[] parameters)
        where TProgram : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var connection = new SqliteConnection(factory.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<List<object?[]>> QueryAsync<TProgram>(this ServiceFactory<TProgram> factory, string sql, params (string Name, object Value)[] parameters)
        where TProgram : class
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var connection = new SqliteConnection(factory.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
