using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Shelters.API.Model;
using static Shelters.API.Model.ShelterLimits;

namespace Shelters.API.Infrastructure;

internal sealed class ShelterConfiguration : IEntityTypeConfiguration<Shelter>
{
    public void Configure(EntityTypeBuilder<Shelter> b)
    {
        b.ToTable("Shelters");
        b.Property(s => s.Name).HasMaxLength(NameLength);
        b.Property(s => s.DistrictCode).HasMaxLength(DistrictCodeLength).IsFixedLength();
        b.Property(s => s.Address).HasMaxLength(AddressLength);
        b.Property(s => s.Manager).HasMaxLength(PersonNameLength);
        b.Property(s => s.Contact).HasMaxLength(ContactLength);
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(StoredEnumLength);
        b.Property(s => s.Grade).HasConversion<string>().HasMaxLength(StoredEnumLength);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(StoredEnumLength);
        b.Property(s => s.StatusBeforeOutOfService).HasConversion<string>().HasMaxLength(StoredEnumLength);
        // The code lists are JSON array columns.
        b.PrimitiveCollection(s => s.Facilities).HasMaxLength(FacilitiesColumnLength).ElementType(e => e.HasMaxLength(CodeLength));
        b.PrimitiveCollection(s => s.SuitableHazards).HasMaxLength(HazardsColumnLength).ElementType(e => e.HasMaxLength(CodeLength));
        b.PrimitiveCollection(s => s.UnsuitableHazards).HasMaxLength(HazardsColumnLength).ElementType(e => e.HasMaxLength(CodeLength));
        b.HasIndex(s => new { s.DistrictCode, s.Status });
        // The nearest-shelter search reads a latitude band of open shelters (NearestShelters).
        b.HasIndex(s => new { s.Status, s.Latitude });
        // A deleted shelter keeps its row; its name is free for a corrected registration.
        b.HasIndex(s => s.Name).IsUnique().HasFilter("\"DeletedAt\" IS NULL");
        b.HasQueryFilter(s => s.DeletedAt == null);
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
        b.Property(e => e.Kind).HasConversion<string>().HasMaxLength(StoredEnumLength);
        b.Property(e => e.StatusAfter).HasConversion<string>().HasMaxLength(StoredEnumLength);
        b.Property(e => e.Actor).HasMaxLength(PersonNameLength);
        b.Property(e => e.Note).HasMaxLength(LogNoteLength);
        b.HasIndex(e => new { e.ShelterId, e.Id });
    }
}

internal sealed class InspectionConfiguration : IEntityTypeConfiguration<Inspection>
{
    public void Configure(EntityTypeBuilder<Inspection> b)
    {
        b.ToTable("Inspections");
        b.Property(i => i.Inspector).HasMaxLength(PersonNameLength);
        b.Property(i => i.Findings).HasMaxLength(FindingsLength);
        b.HasIndex(i => new { i.ShelterId, i.Date });
    }
}

internal sealed class WarningActivationConfiguration : IEntityTypeConfiguration<WarningActivation>
{
    public void Configure(EntityTypeBuilder<WarningActivation> b)
    {
        b.ToTable("WarningActivations");
        b.HasKey(a => new { a.WarningId, a.ShelterId });
        b.Property(a => a.PreviousStatus).HasConversion<string>().HasMaxLength(StoredEnumLength);
        b.Property(a => a.ActivatedStatus).HasConversion<string>().HasMaxLength(StoredEnumLength);
        b.HasIndex(a => a.ShelterId);
    }
}
