using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Warnings.API.Model;

namespace Warnings.API.Infrastructure;

internal sealed class WarningConfiguration : IEntityTypeConfiguration<Warning>
{
    public void Configure(EntityTypeBuilder<Warning> b)
    {
        b.ToTable("Warnings");
        b.Property(w => w.Type).HasMaxLength(40);
        b.Property(w => w.State).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(w => w.Origin).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.EndReason).HasConversion<string>().HasMaxLength(20);
        b.Property(w => w.Headline).HasMaxLength(200);
        b.Property(w => w.CreatedBy).HasMaxLength(100);
        b.Property(w => w.Revision).IsConcurrencyToken();
        b.HasMany(w => w.Versions).WithOne().HasForeignKey(v => v.WarningId);
        b.HasIndex(w => new { w.State, w.Expires });
        b.HasIndex(w => new { w.State, w.Level, w.Type });
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
        b.Property(v => v.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(v => v.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(v => v.Identifier).HasMaxLength(60);
        b.Property(v => v.Headline).HasMaxLength(200);
        b.Property(v => v.Description).HasMaxLength(4000);
        b.Property(v => v.Instruction).HasMaxLength(4000);
        b.Property(v => v.Polygon).HasMaxLength(8000);
        b.Property(v => v.Circle).HasMaxLength(100);
        b.Property(v => v.Author).HasMaxLength(100);
        b.Property(v => v.SignedOffBy).HasMaxLength(100);
        b.Property(v => v.Note).HasMaxLength(1000);
        b.Property(v => v.Certainty).HasMaxLength(20);
        b.Ignore(v => v.Area);
    }
}

internal sealed class UnitResponseConfiguration : IEntityTypeConfiguration<UnitResponse>
{
    public void Configure(EntityTypeBuilder<UnitResponse> b)
    {
        b.ToTable("UnitResponses");
        b.Property(r => r.Unit).HasMaxLength(200);
        b.Property(r => r.AcknowledgedBy).HasMaxLength(100);
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
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Report).HasMaxLength(4000);
        b.Property(d => d.ReportedBy).HasMaxLength(100);
    }
}

internal sealed class FeedEntryConfiguration : IEntityTypeConfiguration<FeedEntry>
{
    public void Configure(EntityTypeBuilder<FeedEntry> b)
    {
        b.ToTable("FeedEntries");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedOnAdd();
        b.Property(e => e.EventType).HasMaxLength(40);
        b.Property(e => e.Type).HasMaxLength(40);
        b.Property(e => e.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.PreviousLevel).HasConversion<string>().HasMaxLength(10);
        b.Property(e => e.Payload).HasMaxLength(16000);
    }
}

internal sealed class ThresholdConfiguration : IEntityTypeConfiguration<Threshold>
{
    public void Configure(EntityTypeBuilder<Threshold> b)
    {
        b.ToTable("Thresholds");
        b.HasKey(t => t.Indicator);
        b.Property(t => t.Indicator).HasMaxLength(60);
        b.Property(t => t.WarningType).HasMaxLength(40);
        b.Property(t => t.Unit).HasMaxLength(20);
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
        b.Property(s => s.Indicator).HasMaxLength(60);
        b.Property(s => s.Station).HasMaxLength(60);
        b.Property(s => s.DistrictCode).HasMaxLength(6);
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.SuggestedTarget).HasMaxLength(10);
        b.Property(s => s.LastValue).HasPrecision(18, 4);
        b.Property(s => s.Revision).IsConcurrencyToken();
    }
}

internal sealed class ReadingConfiguration : IEntityTypeConfiguration<Reading>
{
    public void Configure(EntityTypeBuilder<Reading> b)
    {
        b.ToTable("Readings");
        b.Property(r => r.Indicator).HasMaxLength(60);
        b.Property(r => r.Station).HasMaxLength(60);
        b.Property(r => r.DistrictCode).HasMaxLength(6);
        b.Property(r => r.Value).HasPrecision(18, 4);
        b.HasIndex(r => new { r.Indicator, r.Station, r.ObservedAt });
    }
}

internal sealed class SuggestionConfiguration : IEntityTypeConfiguration<Suggestion>
{
    public void Configure(EntityTypeBuilder<Suggestion> b)
    {
        b.ToTable("Suggestions");
        b.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.WarningType).HasMaxLength(40);
        b.Property(s => s.Circle).HasMaxLength(100);
        b.Property(s => s.Reason).HasMaxLength(1000);
        b.Property(s => s.ClosedBy).HasMaxLength(100);
        b.HasIndex(s => s.ClosedAt);
    }
}

internal sealed class HazardSiteConfiguration : IEntityTypeConfiguration<HazardSite>
{
    public void Configure(EntityTypeBuilder<HazardSite> b)
    {
        b.ToTable("HazardSites");
        b.HasKey(s => s.UnitId);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.DistrictCode).HasMaxLength(6);
        b.Property(s => s.Level).HasConversion<string>().HasMaxLength(10);
        b.Property(s => s.R).HasPrecision(18, 4);
        b.HasIndex(s => s.EnterpriseId);
    }
}
