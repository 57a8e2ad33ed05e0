using EmergencyOps.ServiceDefaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warnings.API.Model;

namespace Warnings.API.Infrastructure;

internal sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> b)
    {
        b.ToTable("Warnings");
        b.Property(w => w.Type).HasMaxLength(WarningLimits.TypeCode);
        b.Property(w => w.State).HasConversion<string>().HasMaxLength(WarningLimits.EnumName);
        b.Property(w => w.Level).HasConversion<string>().HasMaxLength(WarningLimits.LevelName);
        b.Property(w => w.Origin).HasConversion<string>().HasMaxLength(WarningLimits.EnumName);
        b.Property(w => w.EndReason).HasConversion<string>().HasMaxLength(WarningLimits.EnumName);
        b.Property(w => w.Headline).HasMaxLength(WarningLimits.Headline);
        b.PrimitiveCollection(w => w.DistrictCodes).HasMaxLength(WarningLimits.DistrictCodesJson);
        b.Property(w => w.CreatedBy).HasMaxLength(WarningLimits.Person);
        b.Property(w => w.CreatedBySubject).HasMaxLength(ActorNames.MaxLength);
        b.Property(w => w.Revision).IsConcurrencyToken();
        b.HasMany(w => w.Versions).WithOne().HasForeignKey(v => v.WarningId);
        b.HasIndex(w => new { w.State, w.Expires });
        b.HasIndex(w => new { w.State, w.Level, w.Type });
        // The list pages (newest first, by state, live or exercise) read their page in this order instead of sorting every match.
        b.HasIndex(w => new { w.Exercise, w.State, w.CreatedAt, w.Id });
        b.Ignore(w => w.IsActive);
    }
}

internal sealed class WarningVersionConfiguration : IEntityTypeConfiguration<WarningVersion>
{
    public void Configure(EntityTypeBuilder<WarningVersion> b)
    {
        b.ToTable("WarningVersions");
        b.HasIndex(v => new { v.WarningId, v.Number }).IsUnique();
        b.HasIndex(v => v.Identifier).IsUnique();
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(WarningLimits.EnumName);
        b.Property(v => v.Level).HasConversion<string>().HasMaxLength(WarningLimits.LevelName);
        b.Property(v => v.Identifier).HasMaxLength(WarningLimits.Identifier);
        b.Property(v => v.Headline).HasMaxLength(WarningLimits.Headline);
        b.Property(v => v.Description).HasMaxLength(WarningLimits.LongText);
        b.Property(v => v.Instruction).HasMaxLength(WarningLimits.LongText);
        b.Property(v => v.Polygon).HasMaxLength(WarningLimits.Polygon);
        b.Property(v => v.Circle).HasMaxLength(WarningLimits.Circle);
        b.PrimitiveCollection(v => v.DistrictCodes).HasMaxLength(WarningLimits.DistrictCodesJson);
        b.PrimitiveCollection(v => v.ResponsibleUnits).HasMaxLength(WarningLimits.ResponsibleUnitsJson);
        b.Property(v => v.Author).HasMaxLength(WarningLimits.Person);
        b.Property(v => v.SignedOffBy).HasMaxLength(WarningLimits.Person);
        b.Property(v => v.Note).HasMaxLength(WarningLimits.Note);
        b.Property(v => v.Certainty).HasMaxLength(WarningLimits.EnumName);
        b.Ignore(v => v.Area);
    }
}

internal sealed class UnitResponseConfiguration : IEntityTypeConfiguration<UnitResponse>
{
    public void Configure(EntityTypeBuilder<UnitResponse> b)
    {
        b.ToTable("UnitResponses");
        b.Property(r => r.Unit).HasMaxLength(WarningLimits.UnitName);
        b.Property(r => r.AcknowledgedBy).HasMaxLength(WarningLimits.Person);
        b.HasIndex(r => new { r.WarningId, r.Unit }).IsUnique();
        b.HasIndex(r => new { r.AcknowledgedAt, r.OverdueAt, r.Deadline });
        b.HasMany(r => r.Dispositions).WithOne().HasForeignKey(d => d.UnitResponseId);
    }
}

internal sealed class DispositionConfiguration : IEntityTypeConfiguration<Disposition>
{
    public void Configure(EntityTypeBuilder<Disposition> b)
    {
        b.ToTable("Dispositions");
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(WarningLimits.EnumName);
        b.Property(d => d.Report).HasMaxLength(WarningLimits.LongText);
        b.Property(d => d.ReportedBy).HasMaxLength(WarningLimits.Person);
    }
}

internal sealed class FeedEntryConfiguration : IEntityTypeConfiguration<FeedEntry>
{
    public void Configure(EntityTypeBuilder<FeedEntry> b)
    {
        b.ToTable("FeedEntries");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedOnAdd();
        b.Property(e => e.EventType).HasMaxLength(WarningLimits.EventType);
        b.Property(e => e.Type).HasMaxLength(WarningLimits.TypeCode);
        b.Property(e => e.Level).HasConversion<string>().HasMaxLength(WarningLimits.LevelName);
        b.Property(e => e.PreviousLevel).HasConversion<string>().HasMaxLength(WarningLimits.LevelName);
        b.PrimitiveCollection(e => e.DistrictCodes).HasMaxLength(WarningLimits.DistrictCodesJson);
        b.Property(e => e.Payload).HasMaxLength(WarningLimits.FeedPayload);
    }
}

internal sealed class ThresholdConfiguration : IEntityTypeConfiguration<Threshold>
{
    public void Configure(EntityTypeBuilder<Threshold> b)
    {
        b.ToTable("Thresholds");
        b.HasKey(t => t.Indicator);
        b.Property(t => t.Indicator).HasMaxLength(WarningLimits.Indicator);
        b.Property(t => t.WarningType).HasMaxLength(WarningLimits.TypeCode);
        b.Property(t => t.Unit).HasMaxLength(WarningLimits.MeasureUnit);
        b.PrimitiveCollection(t => t.ResponsibleUnits).HasMaxLength(WarningLimits.ResponsibleUnitsJson);
        foreach (var p in new[] { nameof(Threshold.Blue), nameof(Threshold.Yellow), nameof(Threshold.Orange), nameof(Threshold.Red), nameof(Threshold.Hysteresis) })
        {
            b.Property(p).HasPrecision(18, 4);
        }
    }
}

internal sealed class StationStateConfiguration : IEntityTypeConfiguration<StationState>
{
    public void Configure(EntityTypeBuilder<StationState> b)
    {
        b.ToTable("StationStates");
        b.HasKey(s => new { s.Indicator, s.Station });
        b.Property(s => s.Indicator).HasMaxLength(WarningLimits.Indicator);
        b.Property(s => s.Station).HasMaxLength(WarningLimits.Station);
        b.Property(s => s.DistrictCode).HasMaxLength(WarningLimits.DistrictCode);
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(WarningLimits.LevelName);
        // "orange>Downgrade:yellow": 10 was too short for SQL Server.
        b.Property(s => s.SuggestedTarget).HasMaxLength(WarningLimits.SuggestedTarget);
        b.Property(s => s.LastValue).HasPrecision(18, 4);
        b.Property(s => s.Revision).IsConcurrencyToken();
    }
}

internal sealed class ReadingConfiguration : IEntityTypeConfiguration<Reading>
{
    public void Configure(EntityTypeBuilder<Reading> b)
    {
        b.ToTable("Readings");
        b.Property(r => r.Indicator).HasMaxLength(WarningLimits.Indicator);
        b.Property(r => r.Station).HasMaxLength(WarningLimits.Station);
        b.Property(r => r.DistrictCode).HasMaxLength(WarningLimits.DistrictCode);
        b.Property(r => r.Value).HasPrecision(18, 4);
        b.HasIndex(r => new { r.Indicator, r.Station, r.ObservedAt });
    }
}

internal sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> b)
    {
        b.ToTable("Suggestions");
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(WarningLimits.EnumName);
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(WarningLimits.LevelName);
        b.Property(s => s.WarningType).HasMaxLength(WarningLimits.TypeCode);
        b.PrimitiveCollection(s => s.DistrictCodes).HasMaxLength(WarningLimits.DistrictCodesJson);
        b.Property(s => s.Circle).HasMaxLength(WarningLimits.Circle);
        b.Property(s => s.Reason).HasMaxLength(WarningLimits.Note);
        b.Property(s => s.ClosedBy).HasMaxLength(WarningLimits.Person);
        b.HasIndex(s => s.ClosedAt);
    }
}

internal sealed class HazardSiteConfiguration : IEntityTypeConfiguration<HazardSite>
{
    public void Configure(EntityTypeBuilder<HazardSite> b)
    {
        b.ToTable("HazardSites");
        b.HasKey(s => s.UnitId);
        b.Property(s => s.Name).HasMaxLength(WarningLimits.SiteName);
        b.Property(s => s.DistrictCode).HasMaxLength(WarningLimits.DistrictCode);
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(WarningLimits.EnumName);
        b.Property(s => s.R).HasPrecision(18, 4);
        b.HasIndex(s => s.EnterpriseId);
    }
}
