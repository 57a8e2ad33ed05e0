using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace EmergencyOps.Messaging.Persistence.WriteGate;

/// <summary>
/// One FIFO queue per SQLite file for the writers of this process. SQLite lets one connection write at a time; a
/// writer that finds the lock taken otherwise spins in Microsoft.Data.Sqlite's busy loop (a 150 ms thread sleep per
/// retry, holding a pool thread), and whoever retries at the right moment barges ahead, so waits have a long tail.
/// Here a writer awaits its turn without holding a thread and gets the lock in arrival order as soon as the writer
/// before it commits or rolls back. Readers never queue (WAL lets them read beside the writer). Replicas in other
/// processes that share the file are not in this queue: against them SQLite's busy handling still decides.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, FileQueue> Files =
        new(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);

    private static readonly ConditionalWeakTable<DbConnection, ConnectionTurn> Turns = [];

    // From the interceptor that began a transaction to the factory that wraps it, which releases the turn at its end.
    private static readonly ConditionalWeakTable<DbTransaction, WriteLease> HandedOver = [];

    /// <summary>
    /// Waits for this connection's turn to write to its file; null when the database is not a file (in-memory or
    /// temporary databases belong to one connection). A connection that already holds the turn joins it without waiting.
    /// </summary>
    public static async ValueTask<WriteLease?> EnterAsync(SqliteConnection connection, int timeoutSeconds, CancellationToken cancellationToken)
    {
        if (Prepare(connection) is not var (file, queue, turn))
        {
            return null;
        }
        if (turn.TryJoin() is { } joined)
        {
            return joined;
        }
        var timeout = Timeout(timeoutSeconds);
        if (!await queue.WaitAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            throw Busy(file, timeout);
        }
        return turn.Start(queue);
    }

    /// <summary>The same for EF's synchronous paths (SaveChanges, BeginTransaction): the thread waits, as SQLite's would.</summary>
    public static WriteLease? Enter(SqliteConnection connection, int timeoutSeconds, CancellationToken cancellationToken)
    {
        if (Prepare(connection) is not var (file, queue, turn))
        {
            return null;
        }
        if (turn.TryJoin() is { } joined)
        {
            return joined;
        }
        var timeout = Timeout(timeoutSeconds);
        if (!queue.Wait(timeout, cancellationToken))
        {
            throw Busy(file, timeout);
        }
        return turn.Start(queue);
    }

    /// <summary>Everything this connection held ends with it: closing rolls back what was open and frees SQLite's lock.</summary>
    public static void EndAll(DbConnection connection)
    {
        if (Turns.TryGetValue(connection, out var turn))
        {
            turn.EndAll();
        }
    }

    public static void HandOver(DbTransaction transaction, WriteLease lease) => HandedOver.AddOrUpdate(transaction, lease);

    public static WriteLease? TakeOver(DbTransaction transaction) =>
        HandedOver.TryGetValue(transaction, out var lease) && HandedOver.Remove(transaction) ? lease : null;

    /// <summary>Writers of this process waiting for the file's turn (not counting the one writing).</summary>
    public static int Waiting(string file) => Files.TryGetValue(file, out var queue) ? queue.Waiting : 0;

    private static (string File, FileQueue Queue, ConnectionTurn Turn)? Prepare(SqliteConnection connection)
    {
        if (connection.State != System.Data.ConnectionState.Open)
        {
            return null;
        }
        // Absolute for an open connection (as SQLite resolved it); empty for in-memory and temporary databases.
        var file = connection.DataSource;
        if (string.IsNullOrEmpty(file))
        {
            return null;
        }
        return (file, Files.GetOrAdd(file, static _ => new FileQueue()), Turns.GetValue(connection, static _ => new ConnectionTurn()));
    }

    private static TimeSpan Timeout(int seconds) => seconds <= 0 ? System.Threading.Timeout.InfiniteTimeSpan : TimeSpan.FromSeconds(seconds);

    // The error SQLite itself gives after its busy timeout, so callers (and the 503 problem mapping) treat both alike.
    private static SqliteException Busy(string file, TimeSpan waited) =>
        new($"database is locked: waited {waited.TotalSeconds:0.#} s for the writers of this process before this one to finish with '{file}'",
            SQLitePCL.raw.SQLITE_BUSY);
}
