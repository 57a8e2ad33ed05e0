using EmergencyOps.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Tests;

/// <summary>A SQLite file is only opened by the schema that made it; a file from another build stops the start with a clear reason.</summary>
public sealed class SchemaTests
{
    private readonly string _prefix = TestInfrastructure.UniquePrefix("schema");

    [Fact]
    public async Task A_restart_on_the_same_file_keeps_its_data()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("schema");
        await using (var first = await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq))
        {
            await first.InScopeAsync(async (db, _) => { db.Notes.Add(new Note { Text = "sandbags moved to 12 Dock Rd" }); return await db.SaveChangesAsync(); });
        }

        await using var second = await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq);

        var notes = await second.InScopeAsync((db, _) => db.Notes.Select(n => n.Text).ToListAsync());
        Assert.Equal(["sandbags moved to 12 Dock Rd"], notes);
    }

    [Fact]
    public async Task A_file_from_an_earlier_build_missing_a_table_is_refused_naming_the_file_and_tables()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("schema");
        await ExecuteAsync(database, "CREATE TABLE Notes (Id TEXT NOT NULL PRIMARY KEY, Text TEXT NOT NULL);");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq));

        Assert.Contains(new SqliteConnectionStringBuilder(database).DataSource, refused.Message, StringComparison.Ordinal);
        Assert.Contains("lacks the table(s)", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Counters", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Notes", refused.Message, StringComparison.Ordinal);
        Assert.Equal(["Notes"], await TablesAsync(database));
    }

    [Fact]
    public async Task A_file_stamped_by_another_schema_is_refused_even_with_every_table()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("schema");
        await (await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq)).DisposeAsync();
        await ExecuteAsync(database, "PRAGMA user_version = 12345;");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq));

        Assert.Contains("its schema differs from this build's", refused.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<string>> TablesAsync(string database)
    {
        await using var connection = new SqliteConnection(database + ";Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }
}
