using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Infrastructure;

internal sealed class ScanEventConfiguration : IEntityTypeConfiguration<ScanEvent>
{
    public void Configure(EntityTypeBuilder<ScanEvent> b)
    {
        b.ToTable("Scans");
        b.Property(s => s.Code).HasMaxLength(ProductCodeLength);
        // The trace is ordered and append-only: one row per (code, sequence).
        b.HasIndex(s => new { s.Code, s.Sequence }).IsUnique();
        b.Property(s => s.Step).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(s => s.Address).HasMaxLength(AddressLength);
        b.Property(s => s.Unit).HasMaxLength(UnitLength);
        b.Property(s => s.Operator).HasMaxLength(PersonNameLength);
        b.Property(s => s.Waybill).HasMaxLength(WaybillLength);
        b.Property(s => s.ChildCode).HasMaxLength(ProductCodeLength);
        b.Property(s => s.Quantity).HasPrecision(18, 6);
        b.Property(s => s.RemainingAfter).HasPrecision(18, 6);
    }
}

internal sealed class ScanAnomalyConfiguration : IEntityTypeConfiguration<ScanAnomaly>
{
    public void Configure(EntityTypeBuilder<ScanAnomaly> b)
    {
        b.ToTable("ScanAnomalies");
        b.Property(a => a.Code).HasMaxLength(ProductCodeLength);
        b.Property(a => a.Step).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(a => a.Rule).HasMaxLength(RuleLength);
        b.Property(a => a.Detail).HasMaxLength(DetailLength);
        b.Property(a => a.Unit).HasMaxLength(UnitLength);
        b.Property(a => a.Operator).HasMaxLength(PersonNameLength);
        b.Property(a => a.Quantity).HasPrecision(18, 6);
        b.Property(a => a.DistrictCode).HasMaxLength(DistrictCodeLength).IsFixedLength();
        b.HasIndex(a => new { a.Code, a.DetectedAt });
        b.HasIndex(a => new { a.DistrictCode, a.DetectedAt });
        b.HasIndex(a => new { a.ActorEnterpriseId, a.DetectedAt }); // the risk model counts an enterprise's recent anomalies
    }
}

internal sealed class HazardUnitConfiguration : IEntityTypeConfiguration<HazardUnit>
{
    public void Configure(EntityTypeBuilder<HazardUnit> b)
    {
        b.ToTable("Units");
        b.Property(u => u.Name).HasMaxLength(NameLength);
        b.Property(u => u.Kind).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(u => u.DistrictCode).HasMaxLength(DistrictCodeLength).IsFixedLength();
        b.Property(u => u.Level).HasConversion<string>().HasMaxLength(LevelLength);
        // S and R reach 50 substances × (10⁶ t / 0.001 t) × β 20 × α 2 = 2·10¹² at the input bounds: more than (18, 6) holds.
        b.Property(u => u.S).HasPrecision(24, 6);
        b.Property(u => u.R).HasPrecision(24, 6);
        b.Property(u => u.Version).IsConcurrencyToken();
        b.HasIndex(u => new { u.EnterpriseId, u.Name }).IsUnique();
        b.HasIndex(u => new { u.IsMajorHazard, u.Level, u.DistrictCode });
        b.OwnsMany(u => u.Substances, s =>
        {
            s.ToTable("UnitSubstances");
            s.WithOwner().HasForeignKey("UnitId");
            s.HasKey("UnitId", nameof(UnitSubstance.Cas));
            s.Property(x => x.Cas).HasMaxLength(CasLength);
            s.Property(x => x.MaxTonnes).HasPrecision(18, 6);
        });
    }
}

internal sealed class UnitEvaluationConfiguration : IEntityTypeConfiguration<UnitEvaluation>
{
    public void Configure(EntityTypeBuilder<UnitEvaluation> b)
    {
        b.ToTable("UnitEvaluations");
        b.Property(e => e.Reason).HasMaxLength(ReasonLength);
        b.Property(e => e.Edition).HasMaxLength(EditionLength);
        b.Property(e => e.Level).HasConversion<string>().HasMaxLength(LevelLength);
        b.Property(e => e.S).HasPrecision(24, 6);
        b.Property(e => e.R).HasPrecision(24, 6);
        b.Property(e => e.TermsJson).HasMaxLength(TermsJsonLength);
        b.Property(e => e.Alpha).HasPrecision(9, 3);
        b.HasIndex(e => new { e.UnitId, e.Id });
    }
}
