using EmergencyOps.Messaging.Outbox;
using EmergencyOps.Messaging.Persistence.WriteGate;
using EmergencyOps.ServiceDefaults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Messaging.Persistence;

public static partial class DatabaseExtensions
{
    /// <summary>A context without migrations (a test's model): created from its model at start.</summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext => builder.AddServiceDatabase<TContext, TContext, TContext>(connectionName);

    /// <summary>
    /// Registers the service's DbContext on the provider chosen by configuration (<c>Database:Provider</c>),
    /// connected by <c>ConnectionStrings:{connectionName}</c> (Aspire's convention), with the outbox
    /// commit hook, its migrations (one context type per provider carries them), the start-up schema step and a
    /// readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqliteMigrations, TSqlServerMigrations>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
        where TSqliteMigrations : TContext
        where TSqlServerMigrations : TContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(connectionName)
            ?? DefaultSqliteConnectionString(options, connectionName);

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            // This process's writers queue for the file without holding threads (the write gate), but Microsoft.Data.Sqlite
            // still waits synchronously, holding a pool thread, when another process (a replica) has the lock;
            // enough threads from the start keep those waits from starving everything else (Redis, Kestrel).
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, 64), io);
        }
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        // The options are built once (they use singletons only), not for every request's scope.
        builder.Services.AddDbContext<TContext>((sp, db) =>
        {
            db.UseConfiguredProvider(options.Provider, connectionString);
            db.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>());
        }, ServiceLifetime.Scoped, ServiceLifetime.Singleton);
        builder.Services.AddSingleton<IDatabaseMigrator>(sp => new DatabaseMigrator<TContext, TSqliteMigrations, TSqlServerMigrations>(
            options.Provider, connectionString, sp.GetRequiredService<ILogger<DatabaseMigrator<TContext, TSqliteMigrations, TSqlServerMigrations>>>()));
        builder.Services.AddHostedService<DatabaseInitializer<TContext>>();
        builder.Services.AddExceptionHandler<ConflictProblemHandler>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<TContext>>("database", tags: [Extensions.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// The migration runner: started with <c>--migrate</c>, the service applies its pending migrations and returns true
    /// without serving; the caller then returns, and the process exits 0, or 1 when migrating failed (logged). The AppHost's
    /// one-shot <c>&lt;service&gt;-migrations</c> resources and the Kubernetes migration Jobs run the service's own build this way.
    /// </summary>
    public static async Task<bool> MigrateOnlyAsync(this IHost app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!args.Contains(MigrateArgument, StringComparer.Ordinal))
        {
            return false;
        }
        // Disposed before the process exits, so the log's last lines are written.
        using (app)
        {
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseExtensions));
            try
            {
                var applied = await app.Services.GetRequiredService<IDatabaseMigrator>().MigrateAsync(CancellationToken.None);
                LogMigrated(logger, applied.Count, applied);
            }
            catch (Exception ex)
            {
                LogMigrationFailed(logger, ex);
                Environment.ExitCode = 1;
            }
        }
        return true;
    }

    public const string MigrateArgument = "--migrate";

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s): {Applied}")]
    private static partial void LogMigrated(ILogger logger, int count, IReadOnlyList<string> applied);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Migrating failed; nothing after the failed migration was applied")]
    private static partial void LogMigrationFailed(ILogger logger, Exception exception);

    public static DbContextOptionsBuilder UseConfiguredProvider(this DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.AddInterceptors(FailedSaveInterceptor.Instance);
        return provider switch
        {
            // No retrying execution strategy: the units of work open their own transactions, which such a strategy refuses
            // ("does not support user-initiated transactions") on their first statement. A transient failure ends the unit
            // whole: a request is answered with an error to retry (its Idempotency-Key makes that safe), a message is redelivered.
            DatabaseProvider.SqlServer => db.UseSqlServer(connectionString),
            _ => db.UseSqlite(connectionString).UseSqliteWriteGate(),
        };
    }

    private static string DefaultSqliteConnectionString(DatabaseOptions options, string connectionName)
    {
        var file = connectionName.EndsWith("db", StringComparison.OrdinalIgnoreCase) ? connectionName[..^2] : connectionName;
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(options.DataDirectory, file + ".db") }.ToString();
    }
}
