using System.Globalization;
using System.Text.Json;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Messaging.Bus;
using EmergencyOps.Messaging.Outbox;
using EmergencyOps.Messaging.Persistence;
using Microsoft.Extensions.Options;
using Warnings.API.Extensions;
using Warnings.API.Infrastructure;

namespace Warnings.API.Model;

/// <summary>
/// The one place a version is published: it stamps the version, moves the warning's current state,
/// writes the feed entry and the integration event in the same unit of work, and asks the units
/// responsible to acknowledge. The API, the sweeper and monitoring all publish through it.
/// </summary>
public sealed partial class WarningPublisher(
    WarningsContext db, IEventOutbox outbox, CorrelationContext correlation, FeedHub feed, IOptions<WarningsOptions> options, TimeProvider time,
    ILogger<WarningPublisher> logger)
{
    public const string Source = "warnings";
    private readonly List<(WarningVersion Version, FeedEntry Entry, Warning Warning)> _published = [];

    public DateTime Now => time.GetUtcNow().UtcDateTime;

    public WarningsOptions Options => options.Value;

    public bool NeedsSignOff(WarningTypeDefinition type, WarningLevel level) => type.RequiresSignOff || Options.SignOffLevels.Contains(level);

    /// <summary>Adds a new warning with its first version: published now, or kept as a draft for sign-off.</summary>
    public void Create(Warning warning, WarningVersion first, bool draft)
    {
        warning.Versions.Add(first);
        warning.CurrentVersion = 1;
        warning.Level = first.Level;
        warning.DistrictCodes = first.DistrictCodes;
        warning.Headline = first.Headline;
        warning.Expires = first.Expires;
        warning.State = WarningState.Draft;
        db.Warnings.Add(warning);
        if (!draft)
        {
            Publish(warning, first);
        }
    }

    /// <summary>Publishes <paramref name="version"/> (a draft's first version, or a new one appended here).</summary>
    public void Publish(Warning warning, WarningVersion version)
    {
        var now = Now;
        var sent = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var previousLevel = warning.Level;
        if (version.Number > 1)
        {
            warning.Versions.Add(version);
        }
        version.Sent = sent;
        warning.CurrentVersion = version.Number;
        warning.Level = version.Level;
        warning.DistrictCodes = version.DistrictCodes;
        warning.Headline = version.Headline;
        warning.Expires = version.Expires;
        warning.PublishedAt ??= sent;
        warning.Revision++;
        var ending = version.Kind is VersionKind.Lift or VersionKind.Cancel or VersionKind.Expire;
        warning.State = ending ? WarningState.Ended : WarningState.Active;
        if (ending)
        {
            warning.EndReason = version.Kind switch
            {
                VersionKind.Lift => WarningEndReason.Lifted,
                VersionKind.Cancel => WarningEndReason.Cancelled,
                _ => WarningEndReason.Expired,
            };
            warning.EndedAt = sent;
            WithdrawPendingUpdates(warning, version.Author, sent);
        }

        var entry = new FeedEntry
        {
            WarningId = warning.Id, Version = version.Number, EventType = FeedEventType(version.Kind), Type = warning.Type,
            Level = version.Level, PreviousLevel = version.Number > 1 ? previousLevel : null, Exercise = warning.Exercise, DistrictCodes = version.DistrictCodes, At = sent,
        };
        db.Feed.Add(entry);
        _published.Add((version, entry, warning));
        RaiseEvent(warning, version, previousLevel, now);
        if (!ending)
        {
            RequestAcknowledgements(warning, version, sent);
        }
    }

    /// <summary>
    /// Saves the unit of work. Feed sequences come from the database, and the CAP identifier ends with
    /// the sequence, so identifiers and payloads are written by a second save in the same transaction.
    /// </summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.BeginOrJoinTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        if (_published.Count > 0)
        {
            foreach (var (version, entry, warning) in _published)
            {
                version.Identifier = string.Create(CultureInfo.InvariantCulture,
                    $"{Options.IssuerCode}_{Local(version.Sent!.Value):yyyyMMddHHmmss}_{entry.Sequence}");
                entry.Payload = JsonSerializer.Serialize(FeedPayload.From(warning, version, entry, Options.PublicBaseUrl), FeedPayload.Json);
            }
            await db.SaveChangesAsync(cancellationToken);
            _published.Clear();
            transaction.OnCommitted(feed.NotifyAsync);
        }
        LogDecisionsOnCommit(transaction);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// A UTC time in China Standard Time. Input is within 2000..2100 ([Moment]); a time stored earlier near the end of the
    /// calendar (9999-12-31) is shown as the last representable moment rather than failing the whole response.
    /// </summary>
    public static DateTimeOffset Local(DateTime utc) => EmergencyOps.ServiceDefaults.Times.ChinaStandardTime.From(utc);

    private void RaiseEvent(Warning w, WarningVersion v, WarningLevel previousLevel, DateTime now)
    {
        var (id, at, corr) = (Guid.NewGuid(), new DateTimeOffset(now, TimeSpan.Zero), correlation.CorrelationId);
        DateTimeOffset? expires = v.Expires is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null;
        switch (v.Kind)
        {
            case VersionKind.Issue:
                outbox.Add(new WarningIssued(id, at, Source, corr, w.Id, v.Number, w.Type, v.Level, w.Exercise, v.Area, v.Headline, expires));
                break;
            case VersionKind.Lift or VersionKind.Cancel or VersionKind.Expire:
                outbox.Add(new WarningEnded(id, at, Source, corr, w.Id, v.Number, w.Type, w.Exercise, v.Area, w.EndReason!.Value));
                break;
            default:
                outbox.Add(new WarningUpdated(id, at, Source, corr, w.Id, v.Number, w.Type, v.Level, previousLevel, w.Exercise, v.Area, v.Headline, expires));
                break;
        }
    }

    // Units named for the first time get a deadline; units already asked keep theirs (a re-acknowledgement
    // per update would flood the units during a fast-moving typhoon).
    private void RequestAcknowledgements(Warning warning, WarningVersion version, DateTime sent)
    {
        var asked = db.Responses.Local.Where(r => r.WarningId == warning.Id).Select(r => r.Unit)
            .Concat(db.Responses.Where(r => r.WarningId == warning.Id).Select(r => r.Unit)).ToHashSet(StringComparer.Ordinal);
        foreach (var unit in version.ResponsibleUnits.Where(u => !asked.Contains(u)))
        {
            db.Responses.Add(new UnitResponse
            {
                WarningId = warning.Id, Unit = unit, RequestedVersion = version.Number, RequestedAt = sent, Deadline = sent + Options.AcknowledgeWithin,
            });
        }
    }

    private static string FeedEventType(VersionKind kind) => kind switch
    {
        VersionKind.Issue => "warning.issued",
        VersionKind.Lift => "warning.lifted",
        VersionKind.Cancel => "warning.cancelled",
        VersionKind.Expire => "warning.expired",
        _ => "warning.updated",
    };
}
