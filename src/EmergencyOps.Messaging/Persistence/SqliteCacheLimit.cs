using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Gives each SQLite connection a small page cache. The pool keeps one connection per concurrent request, and SQLite's
/// default of 2 MB each made 64 concurrent warehouses cost inventory over 100 MB of caches holding the same pages; the
/// operating system's file cache holds them once for all. Set once per physical connection (a pooled one keeps it).
/// </summary>
internal sealed class SqliteCacheLimit : DbConnectionInterceptor
{
    public const int KibiBytes = 256;

    public static readonly SqliteCacheLimit Instance = new();

    private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Limited = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Handle(connection) is { } handle)
        {
            Limit((SqliteConnection)connection, handle);
        }
    }

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Handle(connection) is { } handle)
        {
            Limit((SqliteConnection)connection, handle);
        }
        return Task.CompletedTask;
    }

    private static SQLitePCL.sqlite3? Handle(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && !Limited.TryGetValue(handle, out _) ? handle : null;

    private static void Limit(SqliteConnection connection, SQLitePCL.sqlite3 handle)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA cache_size = -{KibiBytes};";
        command.ExecuteNonQuery();
        Limited.AddOrUpdate(handle, Instance);
    }
}
