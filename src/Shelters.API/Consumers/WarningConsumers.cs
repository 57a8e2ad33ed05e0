using EmergencyOps.Contracts;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Inbox;
using MassTransit;
using Shelters.API.Infrastructure;
using Shelters.API.Model;

namespace Shelters.API.Consumers;

/// <summary>Applies a warning event once (inbox), then refreshes the availability of the districts it changed.</summary>
public abstract class WarningConsumer<TMessage>(
    SheltersContext db, AvailabilityCache cache, CorrelationContext correlation, TimeProvider time, ILogger logger)
    : InboxConsumer<TMessage, SheltersContext>(db, time, logger)
    where TMessage : class, IIntegrationEvent
{
    private IReadOnlyList<string> _changedDistricts = [];

    protected override async Task HandleAsync(ConsumeContext<TMessage> context)
    {
        correlation.CorrelationId = context.Message.CorrelationId;
        _changedDistricts = await ApplyAsync(context.Message, context.CancellationToken);
    }

    protected abstract Task<IReadOnlyList<string>> ApplyAsync(TMessage message, CancellationToken cancellationToken);

    protected override Task AfterCommitAsync(ConsumeContext<TMessage> context) => cache.RefreshAsync(_changedDistricts, context.CancellationToken);
}

public sealed class WarningIssuedConsumer(
    SheltersContext db, WarningReaction reaction, AvailabilityCache cache, CorrelationContext correlation, TimeProvider time, ILogger<WarningIssuedConsumer> logger)
    : WarningConsumer<WarningIssued>(db, cache, correlation, time, logger)
{
    protected override Task<IReadOnlyList<string>> ApplyAsync(WarningIssued m, CancellationToken cancellationToken) =>
        reaction.ActivateAsync(m.WarningId, m.Type, m.Level, m.Exercise, m.Area, cancellationToken);
}

public sealed class WarningUpdatedConsumer(
    SheltersContext db, WarningReaction reaction, AvailabilityCache cache, CorrelationContext correlation, TimeProvider time, ILogger<WarningUpdatedConsumer> logger)
    : WarningConsumer<WarningUpdated>(db, cache, correlation, time, logger)
{
    protected override Task<IReadOnlyList<string>> ApplyAsync(WarningUpdated m, CancellationToken cancellationToken) =>
        reaction.ActivateAsync(m.WarningId, m.Type, m.Level, m.Exercise, m.Area, cancellationToken);
}

public sealed class WarningEndedConsumer(
    SheltersContext db, WarningReaction reaction, AvailabilityCache cache, CorrelationContext correlation, TimeProvider time, ILogger<WarningEndedConsumer> logger)
    : WarningConsumer<WarningEnded>(db, cache, correlation, time, logger)
{
    protected override Task<IReadOnlyList<string>> ApplyAsync(WarningEnded m, CancellationToken cancellationToken) =>
        reaction.EndAsync(m.WarningId, m.Reason, cancellationToken);
}
