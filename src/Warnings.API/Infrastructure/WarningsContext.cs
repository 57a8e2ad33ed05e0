using EmergencyOps.Messaging;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Model;

namespace Warnings.API.Infrastructure;

public class WarningsContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Warning> Warnings => Set<Warning>();

    public DbSet<WarningVersion> Versions => Set<WarningVersion>();

    public DbSet<PendingUpdate> PendingUpdates => Set<PendingUpdate>();

    public DbSet<UnitResponse> Responses => Set<UnitResponse>();

    public DbSet<Disposition> Dispositions => Set<Disposition>();

    public DbSet<FeedEntry> Feed => Set<FeedEntry>();

    public DbSet<Threshold> Thresholds => Set<Threshold>();

    public DbSet<StationState> Stations => Set<StationState>();

    public DbSet<Reading> Readings => Set<Reading>();

    public DbSet<Suggestion> Suggestions => Set<Suggestion>();

    public DbSet<HazardSite> HazardSites => Set<HazardSite>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WarningsContext).Assembly);
    }
}
