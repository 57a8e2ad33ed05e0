using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Infrastructure;

// The enterprise risk model: its weights (one row, seeded with the defaults) and each enterprise's last computed level.
// New tables only, so a SQLite file of an earlier build gains them at start; the levels fill in by the risk sweep.

internal sealed class RiskWeightsConfiguration : IEntityTypeConfiguration<RiskWeights>
{
    public void Configure(EntityTypeBuilder<RiskWeights> b)
    {
        b.ToTable("RiskWeights");
        b.Property(w => w.Id).ValueGeneratedNever();
        foreach (var property in b.Metadata.GetProperties().Where(p => p.ClrType == typeof(decimal)))
        {
            property.SetPrecision(9);
            property.SetScale(2);
        }
        b.Property(w => w.UpdatedBy).HasMaxLength(PersonNameLength);
        b.Property(w => w.Version).IsConcurrencyToken();
        b.HasData(new RiskWeights());
    }
}

internal sealed class EnterpriseRiskConfiguration : IEntityTypeConfiguration<EnterpriseRisk>
{
    public void Configure(EntityTypeBuilder<EnterpriseRisk> b)
    {
        b.ToTable("EnterpriseRisks");
        b.HasKey(r => r.EnterpriseId);
        // A REAL column: SQLite orders and compares no decimals, and the ranking orders by score (two decimals at most).
        b.Property(r => r.Score).HasConversion<double>();
        b.Property(r => r.Level).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(r => r.Version).IsConcurrencyToken();
        b.HasOne<Enterprise>().WithOne().HasForeignKey<EnterpriseRisk>(r => r.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(r => r.Score);
        b.HasIndex(r => r.DueAt);
    }
}
