using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Webhooks.API.Model;
using static Webhooks.API.Model.WebhookLimits;

namespace Webhooks.API.Infrastructure;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> b)
    {
        b.ToTable("Subscriptions");
        b.HasKey(s => s.Id);
        b.Property(s => s.Owner).HasMaxLength(OwnerLength);
        b.Property(s => s.Url).HasMaxLength(UrlLength);
        b.Property(s => s.Origin).HasMaxLength(OriginLength);
        b.Property(s => s.Description).HasMaxLength(DescriptionLength);
        b.PrimitiveCollection(s => s.EventTypes).HasMaxLength(JsonListLength(MaxEventTypes, EventTypeLength));
        b.PrimitiveCollection(s => s.DistrictCodes).HasMaxLength(JsonListLength(MaxDistricts, DistrictCodeLength));
        b.PrimitiveCollection(s => s.WarningLevels).HasMaxLength(JsonListLength(MaxLevels, 2));
        b.PrimitiveCollection(s => s.HazardLevels).HasMaxLength(JsonListLength(MaxLevels, 2));
        b.Property(s => s.StatusFilter).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(s => s.State).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(s => s.DisabledReason).HasMaxLength(ReasonLength);
        b.Property(s => s.Secret).HasMaxLength(SecretLength);
        b.Property(s => s.PreviousSecret).HasMaxLength(SecretLength);
        b.Property(s => s.Version).IsConcurrencyToken();
        b.HasIndex(s => new { s.Owner, s.CreatedAt });
    }
}

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> b)
    {
        b.ToTable("Deliveries");
        b.HasKey(d => d.Id);
        b.HasOne(d => d.Subscription).WithMany().HasForeignKey(d => d.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        // One delivery per event and subscription, however often the event is redelivered.
        b.HasIndex(d => new { d.SubscriptionId, d.EventId }).IsUnique();
        b.HasIndex(d => new { d.SubscriptionId, d.CreatedAt });
        // What the dispatcher's claim looks for: pending and due.
        b.HasIndex(d => new { d.Status, d.NextAttemptAt });
        b.Property(d => d.EventType).HasMaxLength(EventTypeLength);
        b.Property(d => d.TraceParent).HasMaxLength(TraceParentLength);
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.Property(d => d.LastError).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeliveryAttemptConfiguration : IEntityTypeConfiguration<DeliveryAttempt>
{
    public void Configure(EntityTypeBuilder<DeliveryAttempt> b)
    {
        b.ToTable("DeliveryAttempts");
        b.HasKey(a => a.Id);
        b.Property(a => a.Id).ValueGeneratedOnAdd();
        b.Property(a => a.Error).HasConversion<string>().HasMaxLength(EnumNameLength);
        b.HasIndex(a => new { a.DeliveryId, a.At });
    }
}
