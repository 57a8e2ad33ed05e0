using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Infrastructure;

// Enterprise codes and citizens' reports (一码发现): new tables only, so a SQLite file of an earlier build gains them at start.

internal sealed class EnterpriseCodeConfiguration : IEntityTypeConfiguration<EnterpriseCode>
{
    public void Configure(EntityTypeBuilder<EnterpriseCode> b)
    {
        b.ToTable("EnterpriseCodes");
        b.HasKey(c => c.EnterpriseId);
        b.Property(c => c.Code).HasMaxLength(EnterpriseCodes.Length);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasOne<Enterprise>().WithOne().HasForeignKey<EnterpriseCode>(c => c.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CitizenReportConfiguration : IEntityTypeConfiguration<CitizenReport>
{
    public void Configure(EntityTypeBuilder<CitizenReport> b)
    {
        b.ToTable("CitizenReports");
        b.HasKey(r => r.DangerId);
        b.Property(r => r.ReceiptHash).HasMaxLength(64);
        b.HasIndex(r => r.ReceiptHash).IsUnique();
        b.Property(r => r.ContactName).HasMaxLength(PersonNameLength);
        b.Property(r => r.ContactPhone).HasMaxLength(PhoneLength);
        b.HasOne<HiddenDanger>().WithOne().HasForeignKey<CitizenReport>(r => r.DangerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HiddenDangerPhotoConfiguration : IEntityTypeConfiguration<HiddenDangerPhoto>
{
    public void Configure(EntityTypeBuilder<HiddenDangerPhoto> b)
    {
        b.ToTable("HiddenDangerPhotos");
        b.HasKey(p => new { p.DangerId, p.Number });
        b.Property(p => p.Number).ValueGeneratedNever();
        b.Property(p => p.ContentType).HasMaxLength(EnumNameLength);
        b.Property(p => p.Data).HasMaxLength(CitizenPhotos.MaxBytes);
        b.HasOne<HiddenDanger>().WithMany().HasForeignKey(p => p.DangerId).OnDelete(DeleteBehavior.Cascade);
    }
}
