using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Infrastructure;

// Risk grading (风险分级管控): the risk points, and the filings of the risk list with their items. New tables only, so a
// SQLite file of an earlier build gains them at start (SqliteSchema adds missing tables and indexes).

internal sealed class RiskPointConfiguration : IEntityTypeConfiguration<RiskPoint>
{
    public void Configure(EntityTypeBuilder<RiskPoint> b)
    {
        b.ToTable("RiskPoints");
        b.Property(p => p.Name).HasMaxLength(NameLength);
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(p => p.ResponsibleLevel).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.PrimitiveCollection(p => p.Hazards).HasMaxLength(JsonListLength(MaxRiskItems, RiskItemJsonLength));
        b.PrimitiveCollection(p => p.Measures).HasMaxLength(JsonListLength(MaxRiskItems, RiskItemJsonLength));
        Grade(b.Property(p => p.L), b.Property(p => p.E), b.Property(p => p.C), b.Property(p => p.D));
        b.Property(p => p.Colour).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => new { p.EnterpriseId, p.Name }).IsUnique();
    }

    // L and E have one decimal, C none: D has two at most (0.1 × 0.5 × 1 = 0.05) and reaches 10 × 10 × 100 = 10,000.
    internal static void Grade(params PropertyBuilder<decimal>[] properties)
    {
        foreach (var property in properties)
        {
            property.HasPrecision(9, 2);
        }
    }
}

internal sealed class RiskListConfiguration : IEntityTypeConfiguration<RiskList>
{
    public void Configure(EntityTypeBuilder<RiskList> b)
    {
        b.ToTable("RiskLists");
        // One row per (enterprise, version): two filings at the same moment cannot both take version N + 1.
        b.HasKey(l => new { l.EnterpriseId, l.Version });
        b.Property(l => l.Version).ValueGeneratedNever();
        b.Property(l => l.FiledBy).HasMaxLength(PersonNameLength);
        b.Property(l => l.Highest).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(l => l.Status).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(l => l.ReviewedBy).HasMaxLength(PersonNameLength);
        b.Property(l => l.ReviewNote).HasMaxLength(ReviewNoteLength);
        b.Property(l => l.Revision).IsConcurrencyToken();
        b.HasIndex(l => new { l.Status, l.FiledAt });
    }
}

internal sealed class RiskListItemConfiguration : IEntityTypeConfiguration<RiskListItem>
{
    public void Configure(EntityTypeBuilder<RiskListItem> b)
    {
        b.ToTable("RiskListItems");
        b.HasKey(i => new { i.EnterpriseId, i.Version, i.Position });
        b.Property(i => i.Name).HasMaxLength(NameLength);
        b.Property(i => i.Kind).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(i => i.ResponsibleLevel).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.PrimitiveCollection(i => i.Hazards).HasMaxLength(JsonListLength(MaxRiskItems, RiskItemJsonLength));
        b.PrimitiveCollection(i => i.Measures).HasMaxLength(JsonListLength(MaxRiskItems, RiskItemJsonLength));
        RiskPointConfiguration.Grade(b.Property(i => i.L), b.Property(i => i.E), b.Property(i => i.C), b.Property(i => i.D));
        b.Property(i => i.Colour).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.HasOne<RiskList>().WithMany().HasForeignKey(i => new { i.EnterpriseId, i.Version }).OnDelete(DeleteBehavior.Cascade);
    }
}
