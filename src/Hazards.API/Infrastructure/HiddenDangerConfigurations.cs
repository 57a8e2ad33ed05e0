using Hazards.API.Model;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using static Hazards.API.Model.HazardLimits;

namespace Hazards.API.Infrastructure;

// Hidden dangers (隐患排查治理): the dangers, every step of their loop, and the criteria of 安监总管三〔2017〕121号. New tables
// only, so a SQLite file of an earlier build gains them at start (SqliteSchema adds missing tables and indexes).

internal sealed class HiddenDangerConfiguration : IEntityTypeConfiguration<HiddenDanger>
{
    public void Configure(EntityTypeBuilder<HiddenDanger> b)
    {
        b.ToTable("HiddenDangers");
        b.Property(d => d.Source).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(d => d.Grade).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(d => d.RequestedGrade).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(d => d.State).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.PrimitiveCollection(d => d.Criteria).HasMaxLength(JsonListLength(MaxCriteria, 2));
        b.Property(d => d.Title).HasMaxLength(NameLength);
        b.Property(d => d.Description).HasMaxLength(DangerTextLength);
        b.Property(d => d.Location).HasMaxLength(AddressLength);
        b.Property(d => d.ReportedBy).HasMaxLength(PersonNameLength);
        b.Property(d => d.RejectionReason).HasMaxLength(DangerTextLength);
        b.Property(d => d.Measures).HasMaxLength(DangerTextLength);
        b.Property(d => d.ResponsiblePerson).HasMaxLength(PersonNameLength);
        b.Property(d => d.Funds).HasPrecision(14, 2);
        b.Property(d => d.Evidence).HasMaxLength(DangerTextLength);
        b.Property(d => d.ListedBy).HasMaxLength(PersonNameLength);
        b.Property(d => d.SupervisingUnit).HasMaxLength(NameLength);
        b.Property(d => d.Revision).IsConcurrencyToken();
        b.Ignore(d => d.Listed);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(d => d.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(d => new { d.EnterpriseId, d.ReportedAt });
        // The sweep's query: rectifying, not yet escalated, deadline passed.
        b.HasIndex(d => new { d.State, d.OverdueAt, d.Deadline });
        b.HasIndex(d => d.ListedAt);
    }
}

internal sealed class HiddenDangerStepConfiguration : IEntityTypeConfiguration<HiddenDangerStep>
{
    public void Configure(EntityTypeBuilder<HiddenDangerStep> b)
    {
        b.ToTable("HiddenDangerSteps");
        // One row per (danger, sequence): two racing steps cannot both take the next number.
        b.HasKey(s => new { s.DangerId, s.Sequence });
        b.Property(s => s.Sequence).ValueGeneratedNever();
        b.Property(s => s.Action).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(s => s.Actor).HasMaxLength(PersonNameLength);
        b.Property(s => s.Note).HasMaxLength(DangerTextLength);
        b.HasOne<HiddenDanger>().WithMany().HasForeignKey(s => s.DangerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MajorDangerCriterionConfiguration : IEntityTypeConfiguration<MajorDangerCriterion>
{
    public void Configure(EntityTypeBuilder<MajorDangerCriterion> b)
    {
        b.ToTable("MajorDangerCriteria");
        b.HasKey(c => c.Number);
        b.Property(c => c.Number).ValueGeneratedNever();
        b.Property(c => c.Text).HasMaxLength(CriterionTextLength);
        b.Property(c => c.Standard).HasMaxLength(NameLength);
    }
}
