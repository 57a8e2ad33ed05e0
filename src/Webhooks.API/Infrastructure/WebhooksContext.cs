using EmergencyOps.Messaging;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Webhooks.API.Model;

namespace Webhooks.API.Infrastructure;

public class WebhooksContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Subscription> Subscriptions => Set<Subscription>();

    public DbSet<Delivery> Deliveries => Set<Delivery>();

    public DbSet<DeliveryAttempt> Attempts => Set<DeliveryAttempt>();

    // SQLite hands DateTime values back without a kind; they are UTC, and answers convert them to China Standard Time.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The inbox makes each consumed event record its deliveries once; the outbox table is there for the shared
        // dispatcher, though this service publishes nothing.
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WebhooksContext).Assembly);
    }
}
