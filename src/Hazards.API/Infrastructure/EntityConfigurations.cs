using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hazards.API.Infrastructure;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.ToTable("Enterprises");
        b.Property(e => e.CreditCode).HasMaxLength(18).IsFixedLength();
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.Property(e => e.ShortCode).HasMaxLength(6);
        b.HasIndex(e => e.ShortCode).IsUnique();
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(e => e.Address).HasMaxLength(400);
        b.Property(e => e.Contact).HasMaxLength(100);
        b.Property(e => e.Phone).HasMaxLength(40);
        b.HasIndex(e => new { e.DistrictCode, e.Name });
    }
}

internal sealed class ChemicalConfiguration : IEntityTypeConfiguration<Chemical>
{
    public void Configure(EntityTypeBuilder<Chemical> b)
    {
        b.ToTable("Chemicals");
        b.HasKey(c => c.Cas);
        b.Property(c => c.Cas).HasMaxLength(12);
        b.Property(c => c.UnNumber).HasMaxLength(6);
        b.Property(c => c.NameZh).HasMaxLength(200);
        b.Property(c => c.NameEn).HasMaxLength(200);
        b.Property(c => c.SignalWord).HasMaxLength(4);
        b.Property(c => c.Edition).HasMaxLength(40);
        b.Property(c => c.CriticalQuantity).HasPrecision(18, 6);
        b.Property(c => c.ToxicGasBeta).HasPrecision(9, 3);
    }
}

internal sealed class HazardCategoryConfiguration : IEntityTypeConfiguration<HazardCategory>
{
    public void Configure(EntityTypeBuilder<HazardCategory> b)
    {
        b.ToTable("HazardCategories");
        b.HasKey(c => c.Code);
        b.Property(c => c.Code).HasMaxLength(8);
        b.Property(c => c.Description).HasMaxLength(200);
        b.Property(c => c.Edition).HasMaxLength(40);
        b.Property(c => c.CriticalQuantity).HasPrecision(18, 6);
        b.Property(c => c.Beta).HasPrecision(9, 3);
    }
}

internal sealed class AlphaBandConfiguration : IEntityTypeConfiguration<AlphaBand>
{
    public void Configure(EntityTypeBuilder<AlphaBand> b)
    {
        b.ToTable("AlphaBands");
        b.HasKey(a => a.MinPeople);
        b.Property(a => a.MinPeople).ValueGeneratedNever();
        b.Property(a => a.Alpha).HasPrecision(9, 3);
        b.Property(a => a.Edition).HasMaxLength(40);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("Products");
        b.Property(p => p.Code).HasMaxLength(32);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.ParentCode).HasMaxLength(32);
        b.Property(p => p.Cas).HasMaxLength(12);
        b.Property(p => p.TradeName).HasMaxLength(200);
        b.Property(p => p.Concentration).HasMaxLength(100);
        b.Property(p => p.Packaging).HasMaxLength(200);
        b.Property(p => p.Unit).HasMaxLength(10);
        b.Property(p => p.Remaining).HasPrecision(18, 6);
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasIndex(p => p.EnterpriseId);
        b.HasIndex(p => p.Cas);
        b.HasIndex(p => p.ParentCode);
    }
}

internal sealed class SdsRevisionConfiguration : IEntityTypeConfiguration<SdsRevision>
{
    public void Configure(EntityTypeBuilder<SdsRevision> b)
    {
        b.ToTable("SdsRevisions");
        b.HasKey(r => new { r.ProductId, r.Revision });
        b.Property(r => r.RevisedBy).HasMaxLength(100);
    }
}

internal sealed class LabelRevisionConfiguration : IEntityTypeConfiguration<LabelRevision>
{
    public void Configure(EntityTypeBuilder<LabelRevision> b)
    {
        b.ToTable("LabelRevisions");
        b.HasKey(r => new { r.ProductId, r.Revision });
        b.Property(r => r.NameZh).HasMaxLength(200);
        b.Property(r => r.NameEn).HasMaxLength(200);
        b.Property(r => r.SignalWord).HasMaxLength(4);
        b.Property(r => r.Supplier).HasMaxLength(400);
        b.Property(r => r.EmergencyPhone).HasMaxLength(40);
        b.Property(r => r.RevisedBy).HasMaxLength(100);
    }
}
