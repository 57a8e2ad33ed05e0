using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Infrastructure;

// Column sizes come from HazardLimits, the same constants the request types validate with.

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.ToTable("Enterprises");
        b.Property(e => e.CreditCode).HasMaxLength(CreditCodeLength).IsFixedLength();
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.Property(e => e.ShortCode).HasMaxLength(ShortCodeLength);
        b.HasIndex(e => e.ShortCode).IsUnique();
        b.Property(e => e.Name).HasMaxLength(NameLength);
        b.Property(e => e.DistrictCode).HasMaxLength(DistrictCodeLength).IsFixedLength();
        b.Property(e => e.Address).HasMaxLength(AddressLength);
        b.Property(e => e.Contact).HasMaxLength(PersonNameLength);
        b.Property(e => e.Phone).HasMaxLength(PhoneLength);
        b.HasIndex(e => new { e.DistrictCode, e.Name });
    }
}

internal sealed class ChemicalConfiguration : IEntityTypeConfiguration<Chemical>
{
    public void Configure(EntityTypeBuilder<Chemical> b)
    {
        b.ToTable("Chemicals");
        b.HasKey(c => c.Cas);
        b.Property(c => c.Cas).HasMaxLength(CasLength);
        b.Property(c => c.UnNumber).HasMaxLength(UnNumberLength);
        b.Property(c => c.NameZh).HasMaxLength(NameLength);
        b.Property(c => c.NameEn).HasMaxLength(NameLength);
        // The lists are JSON columns, sized for their items as EF writes them (validated codes: ASCII).
        b.PrimitiveCollection(c => c.HazardClasses).HasMaxLength(JsonListLength(MaxHazardClasses, HazardClassLength));
        b.PrimitiveCollection(c => c.Pictograms).HasMaxLength(JsonListLength(MaxPictograms, PictogramLength));
        b.PrimitiveCollection(c => c.HazardStatements).HasMaxLength(JsonListLength(MaxStatements, StatementJsonLength));
        b.PrimitiveCollection(c => c.Categories).HasMaxLength(JsonListLength(MaxCategories, CategoryCodeLength));
        b.Property(c => c.SignalWord).HasMaxLength(SignalWordLength);
        b.Property(c => c.Edition).HasMaxLength(EditionLength);
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
        b.Property(c => c.Code).HasMaxLength(CategoryCodeLength);
        b.Property(c => c.Description).HasMaxLength(DescriptionLength);
        b.Property(c => c.Edition).HasMaxLength(EditionLength);
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
        b.Property(a => a.Edition).HasMaxLength(EditionLength);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("Products");
        b.Property(p => p.Code).HasMaxLength(ProductCodeLength);
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.ParentCode).HasMaxLength(ProductCodeLength);
        b.Property(p => p.Cas).HasMaxLength(CasLength);
        b.Property(p => p.TradeName).HasMaxLength(NameLength);
        b.Property(p => p.Concentration).HasMaxLength(ConcentrationLength);
        b.Property(p => p.Packaging).HasMaxLength(PackagingLength);
        b.Property(p => p.Unit).HasMaxLength(UnitLength);
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
        // 16 sections of up to 8,000 characters, escaped: SQL Server makes it nvarchar(max), with the bound on record.
        b.PrimitiveCollection(r => r.Sections).HasMaxLength(JsonListLength(SdsSectionCount, SdsSectionJsonLength));
        b.Property(r => r.RevisedBy).HasMaxLength(PersonNameLength);
    }
}

internal sealed class LabelRevisionConfiguration : IEntityTypeConfiguration<LabelRevision>
{
    public void Configure(EntityTypeBuilder<LabelRevision> b)
    {
        b.ToTable("LabelRevisions");
        b.HasKey(r => new { r.ProductId, r.Revision });
        b.Property(r => r.NameZh).HasMaxLength(NameLength);
        b.Property(r => r.NameEn).HasMaxLength(NameLength);
        b.PrimitiveCollection(r => r.Pictograms).HasMaxLength(JsonListLength(MaxPictograms, PictogramLength));
        b.PrimitiveCollection(r => r.HazardStatements).HasMaxLength(JsonListLength(MaxStatements, StatementJsonLength));
        b.PrimitiveCollection(r => r.PrecautionaryStatements).HasMaxLength(JsonListLength(MaxStatements, StatementJsonLength));
        b.Property(r => r.SignalWord).HasMaxLength(SignalWordLength);
        b.Property(r => r.Supplier).HasMaxLength(SupplierLength);
        b.Property(r => r.EmergencyPhone).HasMaxLength(PhoneLength);
        b.Property(r => r.RevisedBy).HasMaxLength(PersonNameLength);
    }
}
