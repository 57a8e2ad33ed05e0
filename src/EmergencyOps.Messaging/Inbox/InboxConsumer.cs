using EmergencyOps.Messaging.Faults;
using EmergencyOps.Messaging.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Messaging.Inbox;

/// <summary>
/// Base for consumers that change state: the inbox row, the consumer's changes and any events it adds
/// to the outbox commit together, so a duplicate delivery is acknowledged without being applied again.
/// </summary>
public abstract partial class InboxConsumer<TMessage, TContext>(TContext db, TimeProvider time, ILogger logger) : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    protected TContext Db { get; } = db;

    protected TimeProvider Time { get; } = time;

    /// <summary>Stable per consumer class, so two consumers of one message each apply it once.</summary>
    protected virtual string ConsumerId => GetType().FullName ?? GetType().Name;

    public async Task Consume(ConsumeContext<TMessage> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId
            ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a message id; it cannot be de-duplicated.");
        FailPoints.RefuseIfListed(messageId);
        if (!await MayApplyAsync(context))
        {
            return;
        }
        var applied = false;
        var strategy = Db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            Db.ChangeTracker.Clear();
            applied = false;
            await using var transaction = await Db.BeginOrJoinTransactionAsync(context.CancellationToken);
            var seen = await Db.Set<InboxMessage>().AnyAsync(m => m.MessageId == messageId && m.ConsumerId == ConsumerId, context.CancellationToken);
            if (seen)
            {
                LogDuplicate(logger, typeof(TMessage).Name, messageId, ConsumerId);
                return;
            }
            Db.Set<InboxMessage>().Add(new InboxMessage { MessageId = messageId, ConsumerId = ConsumerId, ReceivedAt = Time.GetUtcNow().UtcDateTime });
            await HandleAsync(context);
            await Db.SaveChangesAsync(context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
            applied = true;
        });
        if (applied)
        {
            await AfterCommitAsync(context);
        }
        FailPoints.Reach(FailPoints.InboxBeforeAck);
    }

    /// <summary>
    /// Whether the message can change anything here, read before any transaction. One that cannot (no subscriber wants
    /// the event) is acknowledged without a write or an inbox row: there is nothing to apply twice.
    /// </summary>
    protected virtual Task<bool> MayApplyAsync(ConsumeContext<TMessage> context) => Task.FromResult(true);

    /// <summary>Work that must follow a successful commit, such as refreshing a cache from the database.</summary>
    protected virtual Task AfterCommitAsync(ConsumeContext<TMessage> context) => Task.CompletedTask;

    /// <summary>Apply the message to <see cref="Db"/>; do not call SaveChanges or publish directly (use the outbox).</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context);

    [LoggerMessage(Level = LogLevel.Information, Message = "Duplicate {MessageType} {MessageId} for {ConsumerId} acknowledged without applying it again")]
    private static partial void LogDuplicate(ILogger logger, string messageType, Guid messageId, string consumerId);
}
