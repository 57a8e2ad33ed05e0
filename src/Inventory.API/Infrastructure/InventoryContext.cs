using EmergencyOps.Messaging;
using EmergencyOps.Messaging.Idempotency;
using EmergencyOps.Messaging.Persistence;
using Inventory.API.Model;
using Microsoft.EntityFrameworkCore;

namespace Inventory.API.Infrastructure;

public class InventoryContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();

    public DbSet<WarehouseChange> WarehouseChanges => Set<WarehouseChange>();

    public DbSet<Material> Materials => Set<Material>();

    public DbSet<StockLevel> StockLevels => Set<StockLevel>();

    public DbSet<StockBatch> StockBatches => Set<StockBatch>();

    public DbSet<LedgerEntry> Ledger => Set<LedgerEntry>();

    public DbSet<ReserveNorm> Norms => Set<ReserveNorm>();

    public DbSet<Transfer> Transfers => Set<Transfer>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    public DbSet<KnownWarning> KnownWarnings => Set<KnownWarning>();

    public DbSet<StockAlert> StockAlerts => Set<StockAlert>();

    public DbSet<ReadinessReport> ReadinessReports => Set<ReadinessReport>();

    // SQLite hands DateTime values back without a kind; they are UTC, and answers convert them to China Standard Time.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => configurationBuilder.UseUtcDateTimes();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.AddOutboxAndInbox();
        modelBuilder.AddIdempotencyRecords();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InventoryContext).Assembly);
    }
}
