using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Runs before the bus and the outbox dispatcher start (hosted services start in registration order), so nothing reads
/// a table that does not exist yet: applies the pending migrations where the service migrates at start, and otherwise
/// refuses to start on a database the migration runner has not brought up to this build.
/// </summary>
internal sealed partial class DatabaseInitializer<TContext>(
    IDatabaseMigrator migrator, IOptions<DatabaseOptions> options, IHostEnvironment environment, ILogger<DatabaseInitializer<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.MigrateAtStart ?? !environment.IsProduction())
        {
            var applied = await migrator.MigrateAsync(cancellationToken);
            LogReady(logger, typeof(TContext).Name, options.Value.Provider, applied);
            return;
        }
        var pending = await migrator.PendingAsync(cancellationToken);
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The {typeof(TContext).Name} database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). This service does not change " +
                "schema at start (Database:MigrateAtStart is off): run the migration runner first (the service with --migrate: the AppHost's " +
                "<service>-migrations resource, the Kubernetes migration Job).");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database for {Context} ready on {Provider}; migrations applied now: {Applied}")]
    private static partial void LogReady(ILogger logger, string context, DatabaseProvider provider, IReadOnlyList<string> applied);
}
