using Inventory.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using L = Inventory.API.Model.InventoryLimits;

namespace Inventory.API.Infrastructure;

internal sealed class AlertConfiguration
    : IEntityTypeConfiguration<StockAlert>, IEntityTypeConfiguration<ReadinessReport>, IEntityTypeConfiguration<ReadinessReportLine>
{
    public void Configure(EntityTypeBuilder<StockAlert> b)
    {
        b.ToTable("StockAlerts");
        b.Property(a => a.MaterialCode).HasMaxLength(L.Code);
        b.HasIndex(a => new { a.WarehouseId, a.MaterialCode, a.Id });
    }

    public void Configure(EntityTypeBuilder<ReadinessReport> b)
    {
        b.ToTable("ReadinessReports");
        b.HasIndex(r => r.WarningId);
        b.HasMany(r => r.Shortfalls).WithOne().HasForeignKey(l => l.ReportId);
    }

    public void Configure(EntityTypeBuilder<ReadinessReportLine> b)
    {
        b.ToTable("ReadinessReportLines");
        b.Property(l => l.MaterialCode).HasMaxLength(L.Code);
        b.Property(l => l.DistrictCode).HasMaxLength(L.DistrictCode);
    }
}
