using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace EmergencyOps.Messaging.Persistence.WriteGate;

public static class WriteGateOptions
{
    // Stateless: the queues live in SqliteWriteGate, one per file for the whole process, whichever context writes.
    private static readonly IInterceptor[] Interceptors =
        [new WriteTransactionInterceptor(), new ImplicitWriteInterceptor(), new ConnectionEndInterceptor()];

    /// <summary>
    /// Makes this process's writers to a SQLite file queue for its write lock in arrival order (see
    /// <see cref="SqliteWriteGate"/>). SQLite only: SQL Server locks rows, and its writers must not be serialised.
    /// </summary>
    public static DbContextOptionsBuilder UseSqliteWriteGate(this DbContextOptionsBuilder db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.AddInterceptors(Interceptors).ReplaceService<IRelationalTransactionFactory, GatedTransactionFactory>();
    }
}
