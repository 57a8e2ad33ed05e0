using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelters.API.Model;

namespace Shelters.API.Infrastructure;

internal sealed class ShelterConfiguration : IEntityTypeConfiguration<Shelter>
{
    public void Configure(EntityTypeBuilder<Shelter> b)
    {
        b.ToTable("Shelters");
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.DistrictCode).HasMaxLength(6).IsFixedLength();
        b.Property(s => s.Address).HasMaxLength(400);
        b.Property(s => s.Manager).HasMaxLength(100);
        b.Property(s => s.Contact).HasMaxLength(100);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Grade).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(s => new { s.DistrictCode, s.Status });
        b.HasIndex(s => s.Name).IsUnique();
        b.Ignore(s => s.Available);
        b.Ignore(s => s.Location);
        b.Ignore(s => s.Receives);
        // Occupancy is changed only by conditional UPDATEs (never below 0 or above capacity); the
        // database keeps the invariant too.
        b.ToTable(t => t.HasCheckConstraint("CK_Shelters_Occupancy", "\"Occupancy\" >= 0 AND \"Occupancy\" <= \"Capacity\""));
    }
}

internal sealed class ShelterLogEntryConfiguration : IEntityTypeConfiguration<ShelterLogEntry>
{
    public void Configure(EntityTypeBuilder<ShelterLogEntry> b)
    {
        b.ToTable("ShelterLog");
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.StatusAfter).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.Actor).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(500);
        b.HasIndex(e => new { e.ShelterId, e.Id });
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("Inspections");
        b.Property(i => i.Inspector).HasMaxLength(100);
        b.Property(i => i.Findings).HasMaxLength(2000);
        b.HasIndex(i => new { i.ShelterId, i.Date });
    }
}

internal sealed class WarningActivationConfiguration : IEntityTypeConfiguration<WarningActivation>
{
    public void Configure(EntityTypeBuilder<WarningActivation> b)
    {
        b.ToTable("WarningActivations");
        b.HasKey(a => new { a.WarningId, a.ShelterId });
        b.Property(a => a.PreviousStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.ActivatedStatus).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(a => a.ShelterId);
    }
}
