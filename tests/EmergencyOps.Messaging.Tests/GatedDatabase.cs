using EmergencyOps.Messaging.Persistence;
using EmergencyOps.Messaging.Persistence.WriteGate;
using EmergencyOps.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Messaging.Tests;

/// <summary>A fresh WAL-mode SQLite file, opened by contexts configured exactly as the services configure theirs.</summary>
internal sealed class GatedDatabase
{
    private readonly string _connectionString;

    private GatedDatabase(string connectionString, string file) => (_connectionString, File) = (connectionString, file);

    /// <summary>The file as the write gate names it (absolute, as SQLite resolved it).</summary>
    public string File { get; }

    /// <param name="timeoutSeconds">How long a writer may wait before it is told the database is busy.</param>
    public static async Task<GatedDatabase> CreateAsync(int timeoutSeconds = 30)
    {
        var connectionString = new SqliteConnectionStringBuilder(TestInfrastructure.FreshSqliteConnectionString("gate")) { DefaultTimeout = timeoutSeconds }.ToString();
        await using var db = Open(connectionString);
        await db.Database.EnsureCreatedAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.Database.OpenConnectionAsync();
        var file = db.Database.GetDbConnection().DataSource;
        return new GatedDatabase(connectionString, file);
    }

    public TestContext Open(ILoggerFactory? loggers = null, IInterceptor? interceptor = null) => Open(_connectionString, loggers, interceptor);

    public int Waiting => SqliteWriteGate.Waiting(File);

    public async Task<T> InContextAsync<T>(Func<TestContext, Task<T>> work)
    {
        await using var db = Open();
        return await work(db);
    }

    /// <summary>A unit of work as a request does it: read the counter, add one, store a note of the value, commit.</summary>
    public async Task<int> IncrementAsync(string counter, string note)
    {
        await using var db = Open();
        await using var transaction = await db.BeginOrJoinTransactionAsync();
        var value = await NextAsync(db, counter);
        db.Notes.Add(new Note { Text = note, Reading = value });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return value;
    }

    public static async Task<int> NextAsync(TestContext db, string counter)
    {
        var row = await db.Counters.FindAsync(counter);
        if (row is null)
        {
            row = new Counter { Name = counter };
            db.Counters.Add(row);
        }
        return ++row.Value;
    }

    public Task<int> CounterAsync(string counter) =>
        InContextAsync(async db => (await db.Counters.AsNoTracking().SingleOrDefaultAsync(c => c.Name == counter))?.Value ?? 0);

    public Task<int> NotesAsync() => InContextAsync(db => db.Notes.CountAsync());

    private static TestContext Open(string connectionString, ILoggerFactory? loggers = null, IInterceptor? interceptor = null)
    {
        var options = new DbContextOptionsBuilder<TestContext>();
        options.UseConfiguredProvider(DatabaseProvider.Sqlite, connectionString);
        if (loggers is not null)
        {
            options.UseLoggerFactory(loggers);
        }
        if (interceptor is not null)
        {
            options.AddInterceptors(interceptor);
        }
        return new TestContext(options.Options);
    }
}
