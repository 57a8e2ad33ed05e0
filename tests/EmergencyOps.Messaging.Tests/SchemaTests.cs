using EmergencyOps.Testing;
using Microsoft.Data.Sqlite;
using EmergencyOps.Messaging.Outbox;
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

    // The file of the release before the dispatch lease and trace context: same data, two tables' worth less schema.
    [Fact]
    public async Task A_file_from_the_previous_release_is_upgraded_in_place_keeping_its_rows_and_its_pending_events()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("schema");
        await using (var first = await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq))
        {
            await first.InScopeAsync(async (db, _) => { db.Notes.Add(new Note { Text = "pumps checked at Suzhou Creek" }); return await db.SaveChangesAsync(); });
        }
        await ExecuteAsync(database, "DROP TABLE OutboxLeases; DROP INDEX IX_OutboxMessages_MessageId; CREATE INDEX IX_OutboxMessages_MessageId ON OutboxMessages (MessageId); " +
            "ALTER TABLE OutboxMessages DROP COLUMN TraceParent; PRAGMA user_version = 777;");
        await using var recorder = await new MessageRecorder(_prefix).Record<NoteWritten>().StartAsync();

        await using var second = await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq);

        Assert.Equal(["pumps checked at Suzhou Creek"], await second.InScopeAsync((db, _) => db.Notes.Select(n => n.Text).ToListAsync()));
        Assert.Contains("OutboxLeases", await TablesAsync(database));
        var written = await second.WriteNoteAsync("written after the upgrade");
        await recorder.WaitForAsync<NoteWritten>(m => m.EventId == written.EventId);
        Assert.Equal(OutboxLease.Dispatch, (await second.InScopeAsync((db, _) => db.Set<OutboxLease>().AsNoTracking().SingleAsync())).Name);
        // An index whose definition changed (here: no longer unique) is rebuilt as this build defines it.
        Assert.Contains("CREATE UNIQUE INDEX", await IndexSqlAsync(database, "IX_OutboxMessages_MessageId"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_lacking_a_required_column_is_refused_naming_the_file_and_the_column()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("schema");
        await (await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq)).DisposeAsync();
        await ExecuteAsync(database, "ALTER TABLE Notes DROP COLUMN Text; PRAGMA user_version = 777;");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq));

        Assert.Contains(new SqliteConnectionStringBuilder(database).DataSource, refused.Message, StringComparison.Ordinal);
        Assert.Contains("the required column Notes.Text", refused.Message, StringComparison.Ordinal);
    }

    // Values builds before the input rules accepted, and that broke reads: repaired once, at the next start.
    [Fact]
    public async Task Infinite_numbers_control_characters_and_oversized_counts_stored_earlier_are_repaired_at_start()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("schema");
        var id = Guid.NewGuid();
        await using (var first = await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq))
        {
            await first.InScopeAsync(async (db, _) =>
            {
                db.Notes.Add(new Note { Id = id, Text = "gauge\0 at\u0007 lock 3 😀", Reading = 2.5 });
                db.Counters.Add(new Counter { Name = "sandbags", Value = 1 });
                return await db.SaveChangesAsync();
            });
        }
        await ExecuteAsync(database, "UPDATE Notes SET Reading = 1e999; UPDATE Counters SET Value = 3000000000; PRAGMA application_id = 0;");

        await using var second = await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq);

        var note = await second.InScopeAsync((db, _) => db.Notes.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal(("gauge at lock 3 😀", (double?)null), (note.Text, note.Reading));
        Assert.Equal(int.MaxValue, (await second.InScopeAsync((db, _) => db.Counters.AsNoTracking().SingleAsync())).Value);
    }

    [Fact]
    public async Task A_file_stamped_by_another_schema_is_refused_even_with_every_table()
    {
        var database = TestInfrastructure.FreshSqliteConnectionString("schema");
        await (await TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq)).DisposeAsync();
        await ExecuteAsync(database, "PRAGMA user_version = 12345;");

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.StartAsync(database, _prefix, TestInfrastructure.RabbitMq));

        Assert.Contains("its schema differs from this build's in a way that cannot be added to it", refused.Message, StringComparison.Ordinal);
    }

    private static async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new SqliteConnection(database);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static Task<List<string>> TablesAsync(string database) => NamesAsync(database, "table");

    private static async Task<string> IndexSqlAsync(string database, string index)
    {
        await using var connection = new SqliteConnection(database + ";Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = $name;";
        command.Parameters.AddWithValue("$name", index);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> NamesAsync(string database, string type)
    {
        await using var connection = new SqliteConnection(database + ";Mode=ReadOnly");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT name FROM sqlite_master WHERE type = '{type}' ORDER BY name;";
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<string>();
        while (await reader.ReadAsync())
        {
            tables.Add(reader.GetString(0));
        }
        return tables;
    }
}
