using EmergencyOps.Messaging;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Shelters.API.Model;

namespace Shelters.API.Infrastructure;

public class SheltersContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Shelter> Shelters => Set<Shelter>();

    public DbSet<ShelterLogEntry> Log => Set<ShelterLogEntry>();

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<WarningActivation> Activations => Set<WarningActivation>();

    // SQLite hands DateTime values back without a kind; they are UTC, and answers convert them to China Standard Time.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SheltersContext).Assembly);
    }
}
