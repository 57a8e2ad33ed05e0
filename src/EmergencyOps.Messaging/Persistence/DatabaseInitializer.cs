using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Runs before the bus and the outbox dispatcher start (hosted services start in registration order),
/// so nothing reads a table that does not exist yet.
/// </summary>
internal sealed partial class DatabaseInitializer<TContext>(
    IServiceScopeFactory scopes, IOptions<DatabaseOptions> options, ILogger<DatabaseInitializer<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.EnsureCreated)
        {
            return;
        }
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (!db.Database.IsSqlite())
        {
            var made = await db.Database.EnsureCreatedAsync(cancellationToken);
            LogReady(logger, typeof(TContext).Name, db.Database.ProviderName ?? "?", made);
            return;
        }
        var file = Path.GetFullPath(new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        using (await InitializationLock.AcquireAsync(file, TimeSpan.FromMinutes(1), cancellationToken))
        {
            var created = await db.Database.EnsureCreatedAsync(cancellationToken);
            foreach (var change in await SqliteSchema.CheckAsync(db, created, cancellationToken))
            {
                LogUpgraded(logger, file, change);
            }
            foreach (var change in await SqliteSchema.RepairAsync(db, cancellationToken))
            {
                LogRepaired(logger, file, change);
            }
            // WAL lets the outbox dispatcher read while a request writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            LogReady(logger, typeof(TContext).Name, db.Database.ProviderName ?? "?", created);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Upgraded {File} to this build's schema: {Change}")]
    private static partial void LogUpgraded(ILogger logger, string file, string change);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Repaired {File}: {Change}")]
    private static partial void LogRepaired(ILogger logger, string file, string change);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database for {Context} ready on {Provider} (schema created now: {Created})")]
    private static partial void LogReady(ILogger logger, string context, string provider, bool created);
}
