using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hazards.API.Infrastructure;

internal sealed class ScanEventConfiguration : IEntityTypeConfiguration<ScanEvent>
{
    public void Configure(EntityTypeBuilder<ScanEvent> b)
    {
        b.ToTable("Scans");
        b.Property(s => s.Code).HasMaxLength(32);
        // The trace is ordered and append-only: one row per (code, sequence).
        b.HasIndex(s => new { s.Code, s.Sequence }).IsUnique();
        b.Property(s => s.Step).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Address).HasMaxLength(400);
        b.Property(s => s.Unit).HasMaxLength(10);
        b.Property(s => s.Operator).HasMaxLength(100);
        b.Property(s => s.Waybill).HasMaxLength(64);
        b.Property(s => s.ChildCode).HasMaxLength(32);
        b.Property(s => s.Quantity).HasPrecision(18, 6);
        b.Property(s => s.RemainingAfter).HasPrecision(18, 6);
    }
}

internal sealed class ScanAnomalyConfiguration : IEntityTypeConfiguration<ScanAnomaly>
{
    public void Configure(EntityTypeBuilder<ScanAnomaly> b)
    {
        b.ToTable("ScanAnomalies");
        b.Property(a => a.Code).HasMaxLength(32);
        b.Property(a => a.Step).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Rule).HasMaxLength(40);
        b.Property(a => a.Detail).HasMaxLength(1000);
        b.Property(a => a.Unit).HasMaxLength(10);
        b.Property(a => a.Operator).HasMaxLength(100);
        b.Property(a => a.Quantity).HasPrecision(18, 6);
        b.Property(a => a.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.HasIndex(a => new { a.Code, a.DetectedAt });
        b.HasIndex(a => new { a.DistrictCode, a.DetectedAt });
    }
}

internal sealed class HazardUnitConfiguration : IEntityTypeConfiguration<HazardUnit>
{
    public void Configure(EntityTypeBuilder<HazardUnit> b)
    {
        b.ToTable("Units");
        b.Property(u => u.Name).HasMaxLength(200);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(u => u.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(u => u.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(u => u.S).HasPrecision(18, 6);
        b.Property(u => u.R).HasPrecision(18, 6);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasIndex(u => new { u.EnterpriseId, u.Name }).IsUnique();
        b.HasIndex(u => new { u.IsMajorHazard, u.Level, u.DistrictCode });
        b.OwnsMany(u => u.Substances, s =>
        {
            s.ToTable("UnitSubstances");
            s.WithOwner().HasForeignKey("UnitId");
            s.HasKey("UnitId", nameof(UnitSubstance.Cas));
            s.Property(x => x.Cas).HasMaxLength(12);
            s.Property(x => x.MaxTonnes).HasPrecision(18, 6);
        });
    }
}

internal sealed class UnitEvaluationConfiguration : IEntityTypeConfiguration<UnitEvaluation>
{
    public void Configure(EntityTypeBuilder<UnitEvaluation> b)
    {
        b.ToTable("UnitEvaluations");
        b.Property(e => e.Reason).HasMaxLength(200);
        b.Property(e => e.Edition).HasMaxLength(40);
        b.Property(e => e.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.S).HasPrecision(18, 6);
        b.Property(e => e.R).HasPrecision(18, 6);
        b.Property(e => e.Alpha).HasPrecision(9, 3);
        b.HasIndex(e => new { e.UnitId, e.Id });
    }
}
