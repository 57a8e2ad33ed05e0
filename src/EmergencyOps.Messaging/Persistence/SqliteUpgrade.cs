using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Brings a SQLite file made by an earlier build up to this build's schema when the difference only adds: new tables
/// (with their seed rows), new nullable columns and new indexes. Anything else (a new required column, a changed
/// type) is left to the caller to refuse. Each statement comes from the model's own create script.
/// </summary>
internal static partial class SqliteUpgrade
{
    internal sealed record Plan(IReadOnlyList<string> Statements, IReadOnlyList<string> Changes, IReadOnlyList<string> Blockers);

    public static async Task<Plan> PlanAsync(DbContext db, string createScript, SqliteConnection connection, CancellationToken cancellationToken)
    {
        var existing = await ColumnsByTableAsync(connection, cancellationToken);
        var indexes = await IndexDefinitionsAsync(connection, cancellationToken);
        var script = Statements(createScript);
        List<string> statements = [], changes = [], blockers = [];
        foreach (var table in db.Model.GetRelationalModel().Tables)
        {
            if (!existing.TryGetValue(table.Name, out var columns))
            {
                statements.AddRange(script.Where(s => Target(s) == table.Name && !IsIndex(s)));
                changes.Add($"created table {table.Name}");
                continue;
            }
            foreach (var column in table.Columns.Where(c => !columns.Contains(c.Name)))
            {
                if (column.IsNullable)
                {
                    statements.Add($"ALTER TABLE \"{table.Name}\" ADD COLUMN \"{column.Name}\" {column.StoreType} NULL");
                    changes.Add($"added column {table.Name}.{column.Name}");
                }
                else
                {
                    blockers.Add($"the required column {table.Name}.{column.Name}");
                }
            }
        }
        foreach (var index in script.Where(IsIndex))
        {
            if (IndexName(index) is not { } name)
            {
                continue;
            }
            if (!indexes.TryGetValue(name, out var stored))
            {
                statements.Add(index);
                changes.Add($"created index {name}");
            }
            else if (Normalized(stored) != Normalized(index))
            {
                // The same name with another definition (a filter, another column): rebuilt as this build defines it.
                statements.Add($"DROP INDEX \"{name}\"");
                statements.Add(index);
                changes.Add($"rebuilt index {name}");
            }
        }
        return new Plan(statements, changes, blockers);
    }

    public static async Task ApplyAsync(SqliteConnection connection, Plan plan, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var statement in plan.Statements)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = (SqliteTransaction)transaction;
            command.CommandText = statement;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private static List<string> Statements(string script) =>
        [.. script.Split(";" + Environment.NewLine).Select(s => s.Trim()).Where(s => s.Length > 0 && !s.StartsWith("SELECT changes()", StringComparison.Ordinal))];

    private static string? Target(string statement) => TargetTable().Match(statement) is { Success: true } m ? m.Groups["table"].Value : null;

    private static bool IsIndex(string statement) => statement.StartsWith("CREATE INDEX", StringComparison.Ordinal) || statement.StartsWith("CREATE UNIQUE INDEX", StringComparison.Ordinal);

    private static string? IndexName(string statement) => Index().Match(statement) is { Success: true } m ? m.Groups["name"].Value : null;

    private static async Task<Dictionary<string, HashSet<string>>> ColumnsByTableAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var tables = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in await NamesAsync(connection, "table", cancellationToken))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT name FROM pragma_table_info('{table.Replace("'", "''", StringComparison.Ordinal)}');";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var columns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (await reader.ReadAsync(cancellationToken))
            {
                columns.Add(reader.GetString(0));
            }
            tables[table] = columns;
        }
        return tables;
    }

    private static string Normalized(string sql) => string.Join(' ', sql.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).TrimEnd(';');

    private static async Task<Dictionary<string, string>> IndexDefinitionsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, sql FROM sqlite_master WHERE type = 'index';";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var indexes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Indexes SQLite makes itself for a primary key or UNIQUE constraint have no SQL: they are not ours to rebuild.
            indexes[reader.GetString(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return indexes;
    }

    internal static async Task<HashSet<string>> NamesAsync(SqliteConnection connection, string type, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = $type;";
        command.Parameters.AddWithValue("$type", type);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    [GeneratedRegex("^(?:CREATE TABLE|INSERT INTO|CREATE (?:UNIQUE )?INDEX \"[^\"]+\" ON) \"(?<table>[^\"]+)\"")]
    private static partial Regex TargetTable();

    [GeneratedRegex("^CREATE (?:UNIQUE )?INDEX \"(?<name>[^\"]+)\"")]
    private static partial Regex Index();
}
