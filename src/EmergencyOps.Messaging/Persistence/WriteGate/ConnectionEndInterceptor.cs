using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EmergencyOps.Messaging.Persistence.WriteGate;

/// <summary>
/// The backstop: a closed connection has committed or rolled back whatever it had open, so any turn it still holds
/// (a path that ended without the usual event) passes on instead of stopping every writer of the file.
/// </summary>
internal sealed class ConnectionEndInterceptor : DbConnectionInterceptor
{
    public override void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) => SqliteWriteGate.EndAll(connection);

    public override Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        SqliteWriteGate.EndAll(connection);
        return Task.CompletedTask;
    }

    public override void ConnectionDisposed(DbConnection connection, ConnectionEndEventData eventData) => SqliteWriteGate.EndAll(connection);

    public override Task ConnectionDisposedAsync(DbConnection connection, ConnectionEndEventData eventData)
    {
        SqliteWriteGate.EndAll(connection);
        return Task.CompletedTask;
    }
}
