using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging.Idempotency;

public static class IdempotencyExtensions
{
    /// <summary>The <c>HttpContext.Items</c> key by which a handler keeps its refusal as the answer.</summary>
    internal const string KeepRefusalKey = "EmergencyOps.Idempotency.KeepRefusal";

    /// <summary>Makes the endpoint safe to retry with an <c>Idempotency-Key</c> header (required or optional).</summary>
    public static RouteHandlerBuilder WithIdempotency<TContext>(this RouteHandlerBuilder builder, bool required = false) where TContext : DbContext
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddEndpointFilter(new IdempotencyFilter<TContext>(required))
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
    }

    /// <summary>
    /// Keeps this request's refusal as its key's answer, for a handler that stores something of a refusal (a refused
    /// scan's anomaly): a retry then replays the refusal instead of storing it twice. Other refusals are not kept.
    /// </summary>
    public static void KeepRefusalAsAnswer(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Items[KeepRefusalKey] = true;
    }

    public static ModelBuilder AddIdempotencyRecords(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<IdempotencyRecord>(b =>
        {
            b.ToTable("IdempotencyRecords");
            b.HasKey(r => new { r.Scope, r.Key });
            b.Property(r => r.Scope).HasMaxLength(400);
            b.Property(r => r.Key).HasMaxLength(200);
            b.Property(r => r.RequestHash).HasMaxLength(64);
            b.Property(r => r.ContentType).HasMaxLength(200);
            b.Property(r => r.Location).HasMaxLength(400);
        });
        return modelBuilder;
    }
}
