using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Inbox;
using MassTransit;
using Shelters.API.Infrastructure;
using Shelters.API.Model;

namespace Shelters.API.Consumers;

public sealed class WarningIssuedConsumer(
    SheltersContext db, WarningReaction reaction, AvailabilityCache cache, CorrelationContext correlation, TimeProvider time, ILogger<WarningIssuedConsumer> logger)
    : InboxConsumer<WarningIssued, SheltersContext>(db, time, logger)
{
    private IReadOnlyList<string> _changed = [];

    protected override async Task HandleAsync(ConsumeContext<WarningIssued> context)
    {
        var m = context.Message;
        correlation.CorrelationId = m.CorrelationId;
        _changed = await reaction.ActivateAsync(m.WarningId, m.Type, m.Level, m.Exercise, m.Area, context.CancellationToken);
    }

    protected override Task AfterCommitAsync(ConsumeContext<WarningIssued> context) => cache.RefreshAsync(_changed, context.CancellationToken);
}

public sealed class WarningUpdatedConsumer(
    SheltersContext db, WarningReaction reaction, AvailabilityCache cache, CorrelationContext correlation, TimeProvider time, ILogger<WarningUpdatedConsumer> logger)
    : InboxConsumer<WarningUpdated, SheltersContext>(db, time, logger)
{
    private IReadOnlyList<string> _changed = [];

    protected override async Task HandleAsync(ConsumeContext<WarningUpdated> context)
    {
        var m = context.Message;
        correlation.CorrelationId = m.CorrelationId;
        _changed = await reaction.ActivateAsync(m.WarningId, m.Type, m.Level, m.Exercise, m.Area, context.CancellationToken);
    }

    protected override Task AfterCommitAsync(ConsumeContext<WarningUpdated> context) => cache.RefreshAsync(_changed, context.CancellationToken);
}

public sealed class WarningEndedConsumer(
    SheltersContext db, WarningReaction reaction, AvailabilityCache cache, CorrelationContext correlation, TimeProvider time, ILogger<WarningEndedConsumer> logger)
    : InboxConsumer<WarningEnded, SheltersContext>(db, time, logger)
{
    private IReadOnlyList<string> _changed = [];

    protected override async Task HandleAsync(ConsumeContext<WarningEnded> context)
    {
        var m = context.Message;
        correlation.CorrelationId = m.CorrelationId;
        _changed = await reaction.EndAsync(m.WarningId, m.Reason, context.CancellationToken);
    }

    protected override Task AfterCommitAsync(ConsumeContext<WarningEnded> context) => cache.RefreshAsync(_changed, context.CancellationToken);
}
