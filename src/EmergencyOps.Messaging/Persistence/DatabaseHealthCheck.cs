using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmergencyOps.Messaging.Persistence;

internal sealed class DatabaseHealthCheck<TContext>(TContext db) : IHealthCheck where TContext : DbContext
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A query on the outbox proves both the connection and that the schema exists; a context without one
            // (the identity service's) proves the connection, its schema having been made before start-up finished.
            if (db.Model.FindEntityType(typeof(Outbox.OutboxMessage)) is not null)
            {
                await db.Set<Outbox.OutboxMessage>().AsNoTracking().AnyAsync(cancellationToken);
            }
            else if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("database unreachable");
            }
            return HealthCheckResult.Healthy($"{db.Database.ProviderName}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("database unreachable or schema missing", ex);
        }
    }
}
