using EmergencyOps.Messaging;
using EmergencyOps.Messaging.Idempotency;
using Microsoft.EntityFrameworkCore;
using Shelters.API.Model;

namespace Shelters.API.Infrastructure;

public class SheltersContext(DbContextOptions<SheltersContext> options) : DbContext(options)
{
    public DbSet<Shelter> Shelters => Set<Shelter>();

    public DbSet<ShelterLogEntry> Log => Set<ShelterLogEntry>();

    public DbSet<Inspection> Inspections => Set<Inspection>();

    public DbSet<WarningActivation> Activations => Set<WarningActivation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(SheltersContext).Assembly);
    }
}
