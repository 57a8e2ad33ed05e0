using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Messaging.Persistence;

/// <summary>
/// Two requests that race on one unique key (the next version number of a warning, the first norm of a material)
/// or one row version: the loser's transaction rolls back and it gets a 409 saying to retry, never a 500. A database
/// busy beyond its timeout is a 503 with Retry-After. One mapping for SQLite and SQL Server error codes alike.
/// </summary>
internal sealed partial class ConflictProblemHandler(ILogger<ConflictProblemHandler> logger) : IExceptionHandler
{
    private const int SqliteConstraint = 19, SqliteBusy = 5, SqliteLocked = 6;
    private const int SqliteUnique = 2067, SqlitePrimaryKey = 1555;
    private const int SqlServerUniqueIndex = 2601, SqlServerUniqueConstraint = 2627, SqlServerLockTimeout = 1222;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = Classify(exception);
        if (status is null)
        {
            return false;
        }
        LogConflict(logger, httpContext.Request.Method, httpContext.Request.Path, status.Value);
        httpContext.Response.StatusCode = status.Value;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "1";
        }
        // Resolved per request: a host without problem details (a worker) still starts with this handler registered.
        var problems = httpContext.RequestServices.GetService<IProblemDetailsService>();
        return problems is not null && await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = status == StatusCodes.Status409Conflict
                ? new() { Status = status, Title = "Conflicting change", Detail = "Another request changed the same record at the same moment and won; nothing of this request was kept. Read the current state and retry." }
                : new() { Status = status, Title = "Busy", Detail = "The database was busy for too long; nothing of this request was kept. Retry shortly." },
        });
    }

    internal static int? Classify(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => StatusCodes.Status409Conflict,
        DbUpdateException { InnerException: { } inner } => Classify(inner),
        SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: SqliteUnique or SqlitePrimaryKey } => StatusCodes.Status409Conflict,
        SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => StatusCodes.Status503ServiceUnavailable,
        SqlException { Number: SqlServerUniqueIndex or SqlServerUniqueConstraint } => StatusCodes.Status409Conflict,
        SqlException { Number: SqlServerLockTimeout } => StatusCodes.Status503ServiceUnavailable,
        InvalidOperationException { InnerException: { } inner } => Classify(inner),
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} lost a race on the database and was answered {Status}")]
    private static partial void LogConflict(ILogger logger, string method, PathString path, int status);
}
