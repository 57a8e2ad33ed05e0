using System.Text.Json;
using Inventory.API.Model;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using L = Inventory.API.Model.InventoryLimits;

namespace Inventory.API.Infrastructure;

// Every text column is sized from InventoryLimits, the same constants the request types declare, so the SQL Server
// DDL has real column sizes and no accepted value can be too long for its column.

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>, IEntityTypeConfiguration<WarehouseChange>
{
    public void Configure(EntityTypeBuilder<Warehouse> b)
    {
        b.ToTable("Warehouses");
        // The index covers deleted warehouses too: a deleted warehouse's code is not given to another one.
        b.HasIndex(w => w.Code).IsUnique();
        b.Property(w => w.Code).HasMaxLength(L.Code);
        b.Property(w => w.Name).HasMaxLength(L.Name);
        b.Property(w => w.DistrictCode).HasMaxLength(L.DistrictCode).IsFixedLength();
        b.Property(w => w.Address).HasMaxLength(L.Address);
        b.Property(w => w.Manager).HasMaxLength(L.PersonName);
        b.Property(w => w.Tier).HasConversion<string>().HasMaxLength(L.EnumName);
        // A deleted warehouse is gone for every query (lists, joins, lookups by id) unless one asks for it explicitly;
        // as a concurrency token, a correction that races with the deletion is refused instead of reviving it.
        b.HasQueryFilter(w => w.DeletedAt == null);
        b.Property(w => w.DeletedAt).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<WarehouseChange> b)
    {
        b.ToTable("WarehouseChanges");
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(L.EnumName);
        b.Property(c => c.Changes).HasMaxLength(L.ChangeSummary);
        b.Property(c => c.Actor).HasMaxLength(L.PersonName);
        b.HasIndex(c => new { c.WarehouseId, c.Id });
    }
}

internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> b)
    {
        b.ToTable("Materials");
        b.HasKey(m => m.Code);
        b.Property(m => m.Code).HasMaxLength(L.Code);
        b.Property(m => m.Name).HasMaxLength(L.MaterialName);
        b.Property(m => m.Unit).HasMaxLength(L.Unit);
        b.Property(m => m.Category).HasConversion<string>().HasMaxLength(L.EnumName);
        b.HasData(MaterialCatalogue.Seed);
    }
}

internal sealed class StockConfiguration : IEntityTypeConfiguration<StockLevel>, IEntityTypeConfiguration<StockBatch>, IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<StockLevel> b)
    {
        b.ToTable("StockLevels", t => t.HasCheckConstraint("CK_StockLevels_NonNegative", "\"OnHand\" >= 0 AND \"Reserved\" >= 0 AND \"Reserved\" <= \"OnHand\""));
        b.HasKey(l => new { l.WarehouseId, l.MaterialCode });
        b.Property(l => l.MaterialCode).HasMaxLength(L.Code);
        b.Ignore(l => l.Available);
    }

    public void Configure(EntityTypeBuilder<StockBatch> b)
    {
        b.ToTable("StockBatches", t => t.HasCheckConstraint("CK_StockBatches_NonNegative", "\"Quantity\" >= 0"));
        b.HasKey(x => new { x.WarehouseId, x.MaterialCode, x.Batch });
        b.Property(x => x.MaterialCode).HasMaxLength(L.Code);
        b.Property(x => x.Batch).HasMaxLength(L.Batch);
        b.HasIndex(x => x.Expiry);
    }

    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("Ledger");
        b.Property(e => e.MaterialCode).HasMaxLength(L.Code);
        b.Property(e => e.Batch).HasMaxLength(L.Batch);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(L.EnumName);
        b.Property(e => e.Reason).HasMaxLength(L.Reason);
        b.Property(e => e.VoucherReference).HasMaxLength(L.VoucherReference);
        b.Property(e => e.Actor).HasMaxLength(L.PersonName);
        b.HasIndex(e => new { e.WarehouseId, e.MaterialCode, e.Id });
    }
}

internal sealed class PlanningConfiguration
    : IEntityTypeConfiguration<ReserveNorm>, IEntityTypeConfiguration<Transfer>, IEntityTypeConfiguration<Reservation>, IEntityTypeConfiguration<KnownWarning>
{
    public void Configure(EntityTypeBuilder<ReserveNorm> b)
    {
        b.ToTable("ReserveNorms");
        b.HasKey(n => new { n.WarehouseId, n.MaterialCode });
        b.Property(n => n.MaterialCode).HasMaxLength(L.Code);
    }

    public void Configure(EntityTypeBuilder<Transfer> b)
    {
        b.ToTable("Transfers");
        b.Property(t => t.MaterialCode).HasMaxLength(L.Code);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(L.EnumName);
        b.Property(t => t.Reason).HasMaxLength(L.Reason);
        b.Property(t => t.ShortReason).HasMaxLength(L.ShortReason);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.Lines).HasMaxLength(L.TransferLinesJson).HasConversion(
            lines => JsonSerializer.Serialize(lines, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<TransferLine>>(json, JsonSerializerOptions.Web) ?? new List<TransferLine>(),
            new ValueComparer<List<TransferLine>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, x) => HashCode.Combine(h, x)), l => l.ToList()));
    }

    public void Configure(EntityTypeBuilder<Reservation> b)
    {
        b.ToTable("Reservations");
        b.Property(r => r.MaterialCode).HasMaxLength(L.Code);
        b.Property(r => r.ReleaseCause).HasConversion<string>().HasMaxLength(L.EnumName);
        b.HasIndex(r => r.WarningId);
    }

    public void Configure(EntityTypeBuilder<KnownWarning> b)
    {
        b.ToTable("KnownWarnings");
        b.HasKey(w => w.WarningId);
        b.Property(w => w.EndReason).HasConversion<string>().HasMaxLength(L.EnumName);
        b.Ignore(w => w.Open);
    }
}
