using System.Text.Json;
using Inventory.API.Model;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inventory.API.Infrastructure;

internal sealed class WarehouseConfiguration : IEntityTypeConfiguration<Warehouse>
{
    public void Configure(EntityTypeBuilder<Warehouse> b)
    {
        b.ToTable("Warehouses");
        b.HasIndex(w => w.Code).IsUnique();
        b.Property(w => w.Code).HasMaxLength(40);
        b.Property(w => w.Name).HasMaxLength(200);
        b.Property(w => w.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(w => w.Address).HasMaxLength(400);
        b.Property(w => w.Manager).HasMaxLength(100);
        b.Property(w => w.Tier).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class MaterialConfiguration : IEntityTypeConfiguration<Material>
{
    public void Configure(EntityTypeBuilder<Material> b)
    {
        b.ToTable("Materials");
        b.HasKey(m => m.Code);
        b.Property(m => m.Code).HasMaxLength(40);
        b.Property(m => m.Name).HasMaxLength(100);
        b.Property(m => m.Unit).HasMaxLength(20);
        b.Property(m => m.Category).HasConversion<string>().HasMaxLength(30);
        b.HasData(MaterialCatalogue.Seed);
    }
}

internal sealed class StockConfiguration : IEntityTypeConfiguration<StockLevel>, IEntityTypeConfiguration<StockBatch>, IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<StockLevel> b)
    {
        b.ToTable("StockLevels", t => t.HasCheckConstraint("CK_StockLevels_NonNegative", "\"OnHand\" >= 0 AND \"Reserved\" >= 0 AND \"Reserved\" <= \"OnHand\""));
        b.HasKey(l => new { l.WarehouseId, l.MaterialCode });
        b.Property(l => l.MaterialCode).HasMaxLength(40);
        b.Ignore(l => l.Available);
    }

    public void Configure(EntityTypeBuilder<StockBatch> b)
    {
        b.ToTable("StockBatches", t => t.HasCheckConstraint("CK_StockBatches_NonNegative", "\"Quantity\" >= 0"));
        b.HasKey(x => new { x.WarehouseId, x.MaterialCode, x.Batch });
        b.Property(x => x.MaterialCode).HasMaxLength(40);
        b.Property(x => x.Batch).HasMaxLength(60);
        b.HasIndex(x => x.Expiry);
    }

    public void Configure(EntityTypeBuilder<LedgerEntry> b)
    {
        b.ToTable("Ledger");
        b.Property(e => e.MaterialCode).HasMaxLength(40);
        b.Property(e => e.Batch).HasMaxLength(60);
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Reason).HasMaxLength(400);
        b.Property(e => e.VoucherReference).HasMaxLength(100);
        b.Property(e => e.Actor).HasMaxLength(100);
        b.HasIndex(e => new { e.WarehouseId, e.MaterialCode, e.Id });
    }
}

internal sealed class PlanningConfiguration : IEntityTypeConfiguration<ReserveNorm>, IEntityTypeConfiguration<Transfer>, IEntityTypeConfiguration<Reservation>
{
    public void Configure(EntityTypeBuilder<ReserveNorm> b)
    {
        b.ToTable("ReserveNorms");
        b.HasKey(n => new { n.WarehouseId, n.MaterialCode });
        b.Property(n => n.MaterialCode).HasMaxLength(40);
    }

    public void Configure(EntityTypeBuilder<Transfer> b)
    {
        b.ToTable("Transfers");
        b.Property(t => t.MaterialCode).HasMaxLength(40);
        b.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(t => t.Reason).HasMaxLength(400);
        b.Property(t => t.ShortReason).HasMaxLength(400);
        b.Property(t => t.Version).IsConcurrencyToken();
        b.Property(t => t.Lines).HasConversion(
            lines => JsonSerializer.Serialize(lines, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<TransferLine>>(json, JsonSerializerOptions.Web) ?? new List<TransferLine>(),
            new ValueComparer<List<TransferLine>>((a, b) => a!.SequenceEqual(b!), l => l.Aggregate(0, (h, x) => HashCode.Combine(h, x)), l => l.ToList()));
    }

    public void Configure(EntityTypeBuilder<Reservation> b)
    {
        b.ToTable("Reservations");
        b.Property(r => r.MaterialCode).HasMaxLength(40);
        b.HasIndex(r => r.WarningId);
    }
}
