using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Messaging.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Warnings.API.Model;

/// <summary>
/// Escalations held for sign-off: proposed, then approved (published as the next version), rejected, or withdrawn
/// when the warning ends first. Each decision is logged once its unit of work has committed.
/// </summary>
public sealed partial class WarningPublisher
{
    private readonly List<(Guid WarningId, PendingUpdate Pending)> _decisions = [];

    /// <summary>Holds an escalation for sign-off; the warning stays published as it is.</summary>
    public void Propose(Warning warning, PendingUpdate pending)
    {
        warning.PendingUpdates.Add(pending);
        // The row guards the proposal as it guards a version: of two proposals racing, one is refused.
        warning.Revision++;
        _decisions.Add((warning.Id, pending));
    }

    /// <summary>A second person signs it off: <paramref name="next"/> (from <see cref="PendingUpdate.NextVersion"/>) is published.</summary>
    public void Approve(Warning warning, PendingUpdate pending, WarningVersion next, string signedOffBy)
    {
        next.SignedOffBy = signedOffBy;
        pending.Close(PendingUpdateOutcome.Approved, signedOffBy, Now);
        pending.PublishedVersion = next.Number;
        Publish(warning, next);
        _decisions.Add((warning.Id, pending));
    }

    public void Reject(Warning warning, PendingUpdate pending, string rejectedBy)
    {
        pending.Close(PendingUpdateOutcome.Rejected, rejectedBy, Now);
        warning.Revision++;
        _decisions.Add((warning.Id, pending));
    }

    // An ended warning escalates no more. Loaded here because the sweeper and monitoring load warnings without them.
    private void WithdrawPendingUpdates(Warning warning, string by, DateTime at)
    {
        db.PendingUpdates.Where(p => p.WarningId == warning.Id && p.Outcome == null).Load();
        foreach (var pending in db.PendingUpdates.Local.Where(p => p.WarningId == warning.Id && p.IsOpen).ToList())
        {
            pending.Close(PendingUpdateOutcome.Withdrawn, by, at);
            _decisions.Add((warning.Id, pending));
        }
    }

    private void LogDecisionsOnCommit(OwnedTransaction transaction)
    {
        if (_decisions.Count == 0)
        {
            return;
        }
        var decisions = _decisions.Select(d => (d.WarningId, d.Pending.Level, d.Pending.ProposedBy, d.Pending.Outcome, d.Pending.DecidedBy, d.Pending.PublishedVersion)).ToList();
        _decisions.Clear();
        transaction.OnCommitted(() =>
        {
            foreach (var (warningId, level, proposedBy, outcome, decidedBy, version) in decisions)
            {
                switch (outcome)
                {
                    case null:
                        LogProposed(logger, warningId, level, proposedBy);
                        break;
                    case PendingUpdateOutcome.Approved:
                        LogApproved(logger, warningId, level, decidedBy, version);
                        break;
                    default:
                        LogClosed(logger, warningId, level, outcome.Value, decidedBy);
                        break;
                }
            }
            return Task.CompletedTask;
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation of warning {WarningId} to {Level} proposed by {ProposedBy}: held for sign-off")]
    private static partial void LogProposed(ILogger logger, Guid warningId, WarningLevel level, string proposedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation of warning {WarningId} to {Level} signed off by {SignedOffBy}: published as version {Version}")]
    private static partial void LogApproved(ILogger logger, Guid warningId, WarningLevel level, string? signedOffBy, int? version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation of warning {WarningId} to {Level} {Outcome} by {DecidedBy}: not published")]
    private static partial void LogClosed(ILogger logger, Guid warningId, WarningLevel level, PendingUpdateOutcome outcome, string? decidedBy);
}
