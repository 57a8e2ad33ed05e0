using EmergencyOps.Messaging.Outbox;
using EmergencyOps.ServiceDefaults;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EmergencyOps.Messaging.Persistence;

public static class DatabaseExtensions
{
    /// <summary>
    /// Registers the service's DbContext on the provider chosen by configuration (<c>Database:Provider</c>),
    /// connected by <c>ConnectionStrings:{connectionName}</c> (Aspire's convention), with the outbox
    /// commit hook, the start-up schema step and a readiness check.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
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
            // Microsoft.Data.Sqlite waits for the single writer lock synchronously, holding a pool thread;
            // enough threads from the start keep concurrent writers from starving everything else (Redis, Kestrel).
            ThreadPool.GetMinThreads(out var workers, out var io);
            ThreadPool.SetMinThreads(Math.Max(workers, 64), io);
        }
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddDbContext<TContext>((sp, db) =>
        {
            db.UseConfiguredProvider(options.Provider, connectionString);
            db.AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>());
        });
        builder.Services.AddHostedService<DatabaseInitializer<TContext>>();
        builder.Services.AddExceptionHandler<ConflictProblemHandler>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<TContext>>("database", tags: [Extensions.ReadyTag]);
        return builder;
    }

    public static DbContextOptionsBuilder UseConfiguredProvider(this DbContextOptionsBuilder db, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(db);
        return provider switch
        {
            DatabaseProvider.SqlServer => db.UseSqlServer(connectionString, sql => sql.EnableRetryOnFailure()),
            _ => db.UseSqlite(connectionString),
        };
    }

    private static string DefaultSqliteConnectionString(DatabaseOptions options, string connectionName)
    {
        var file = connectionName.EndsWith("db", StringComparison.OrdinalIgnoreCase) ? connectionName[..^2] : connectionName;
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(options.DataDirectory, file + ".db") }.ToString();
    }
}
