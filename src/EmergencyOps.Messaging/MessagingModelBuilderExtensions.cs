using EmergencyOps.Messaging.Inbox;
using EmergencyOps.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace EmergencyOps.Messaging;

public static class MessagingModelBuilderExtensions
{
    /// <summary>Adds the outbox (with its dispatch lease) and inbox tables to a service's model (call from <c>OnModelCreating</c>).</summary>
    public static ModelBuilder AddOutboxAndInbox(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("OutboxMessages");
            b.HasKey(m => m.Sequence);
            b.Property(m => m.Sequence).ValueGeneratedOnAdd();
            b.HasIndex(m => m.MessageId).IsUnique();
            b.HasIndex(m => new { m.SentAt, m.Sequence });
            b.Property(m => m.MessageType).HasMaxLength(400);
            b.Property(m => m.LastError).HasMaxLength(1000);
            b.Property(m => m.TraceParent).HasMaxLength(OutboxMessage.TraceParentLength);
        });
        modelBuilder.Entity<OutboxLease>(b =>
        {
            b.ToTable("OutboxLeases");
            b.HasKey(l => l.Name);
            b.Property(l => l.Name).HasMaxLength(50);
            b.Property(l => l.Holder).HasMaxLength(200);
            b.HasData(new OutboxLease { Name = OutboxLease.Dispatch, ExpiresAt = DateTime.UnixEpoch });
        });
        modelBuilder.Entity<InboxMessage>(b =>
        {
            b.ToTable("InboxMessages");
            b.HasKey(m => new { m.MessageId, m.ConsumerId });
            b.Property(m => m.ConsumerId).HasMaxLength(300);
        });
        return modelBuilder;
    }
}
