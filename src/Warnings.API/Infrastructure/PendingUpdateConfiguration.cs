using EmergencyOps.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warnings.API.Model;

namespace Warnings.API.Infrastructure;

internal sealed class PendingUpdateConfiguration : IEntityTypeConfiguration<PendingUpdate>
{
    public void Configure(EntityTypeBuilder<PendingUpdate> b)
    {
        b.ToTable("PendingUpdates");
        b.HasOne<Warning>().WithMany(w => w.PendingUpdates).HasForeignKey(p => p.WarningId);
        b.HasIndex(p => new { p.WarningId, p.Outcome });
        b.Property(p => p.Level).HasConversion<string>().HasMaxLength(WarningLimits.LevelName);
        b.Property(p => p.Outcome).HasConversion<string>().HasMaxLength(WarningLimits.EnumName);
        b.PrimitiveCollection(p => p.DistrictCodes).HasMaxLength(WarningLimits.DistrictCodesJson);
        b.Property(p => p.Polygon).HasMaxLength(WarningLimits.Polygon);
        b.Property(p => p.Circle).HasMaxLength(WarningLimits.Circle);
        b.Property(p => p.Headline).HasMaxLength(WarningLimits.Headline);
        b.Property(p => p.Description).HasMaxLength(WarningLimits.LongText);
        b.Property(p => p.Instruction).HasMaxLength(WarningLimits.LongText);
        b.PrimitiveCollection(p => p.ResponsibleUnits).HasMaxLength(WarningLimits.ResponsibleUnitsJson);
        b.Property(p => p.Note).HasMaxLength(WarningLimits.Note);
        b.Property(p => p.ProposedBy).HasMaxLength(WarningLimits.Person);
        b.Property(p => p.ProposedBySubject).HasMaxLength(ActorNames.MaxLength);
        b.Property(p => p.DecidedBy).HasMaxLength(WarningLimits.Person);
        b.Ignore(p => p.IsOpen);
    }
}
