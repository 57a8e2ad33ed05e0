using System.Globalization;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using Microsoft.EntityFrameworkCore;
using Warnings.API.Infrastructure;

namespace Warnings.API.Model;

/// <summary>
/// Compares readings with thresholds. A breach issues one warning per station and indicator, or
/// escalates it; repeats never duplicate it. Only a value below the current level's threshold minus
/// the hysteresis band, held for the hold time, leads to a downgrade or lift: suggested once, or made
/// when the threshold says so. Levels that need sign-off are suggested, never published by a machine.
/// </summary>
public sealed class MonitoringEngine(WarningsContext db, WarningPublisher publisher)
{
    public async Task<ReadingOutcome> ApplyAsync(Threshold t, string station, string district, decimal value, DateTime observedAt, CancellationToken cancellationToken)
    {
        var now = publisher.Now;
        db.Readings.Add(new Reading { Indicator = t.Indicator, Station = station, DistrictCode = district, Value = value, ObservedAt = observedAt, ReceivedAt = now });
        var state = await db.Stations.FindAsync([t.Indicator, station], cancellationToken);
        if (state is null)
        {
            state = new StationState { Indicator = t.Indicator, Station = station, DistrictCode = district };
            db.Stations.Add(state);
        }
        ReadingOutcome Outcome(string action, Warning? w = null, Guid? suggestion = null) =>
            new(t.Indicator, station, value, WarningPublisher.Local(observedAt), action, w?.Id, w?.Level.Colour(), suggestion);
        if (state.LastObservedAt is { } last && observedAt <= last)
        {
            return Outcome("stale");
        }
        state.LastObservedAt = observedAt;
        state.LastValue = value;
        state.DistrictCode = district;
        state.Revision++;

        // A warning raised earlier in the same batch is not saved yet: look in the unit of work first.
        var warning = state.WarningId is { } id
            ? db.Warnings.Local.FirstOrDefault(w => w.Id == id) ?? await db.Warnings.Include(w => w.Versions).SingleOrDefaultAsync(w => w.Id == id, cancellationToken)
            : null;
        if (warning is not { State: WarningState.Active })
        {
            warning = null;
            (state.WarningId, state.Level, state.ClearSince) = (null, null, null);
        }
        var type = WarningTypeCatalogue.Find(t.WarningType)!;
        if (t.LevelFor(value) is { } breached && (warning is null || breached.IsMoreSevereThan(warning.Level)))
        {
            state.ClearSince = null;
            if (publisher.NeedsSignOff(type, breached))
            {
                return Suggest(state, warning, SuggestionKind.Issue, breached, t, station, value, Outcome);
            }
            if (warning is null)
            {
                warning = Issue(t, type, station, district, value, observedAt, breached);
                state.WarningId = warning.Id;
            }
            else
            {
                var breach = Breach(t, station, value, observedAt, breached);
                publisher.Publish(warning, VersionBuilder.Next(warning, VersionKind.Escalate, "monitoring", breach,
                    level: breached, headline: Headline(type, district, breached), description: breach, certainty: "Observed"));
            }
            state.Level = breached;
            state.SuggestedTarget = null;
            return Outcome(warning.CurrentVersion == 1 ? "issued" : "escalated", warning);
        }
        if (warning is null)
        {
            return Outcome("none");
        }
        if (t.ValueFor(warning.Level) is { } limit && value >= limit - t.Hysteresis)
        {
            state.ClearSince = null;
            return Outcome("none", warning);
        }
        state.ClearSince ??= observedAt;
        if (observedAt - state.ClearSince.Value < t.Hold)
        {
            return Outcome("held", warning);
        }
        // Go down only as far as the highest value within the hold time allows.
        var target = t.LevelFor(await HighestSinceAsync(t, station, observedAt - t.Hold, observedAt, cancellationToken), t.Hysteresis);
        if (!t.AutoDowngrade)
        {
            return Suggest(state, warning, target is null ? SuggestionKind.Lift : SuggestionKind.Downgrade, target, t, station, value, Outcome);
        }
        // Say how long it actually stayed below: readings may arrive well after the hold time has passed.
        var below = observedAt - state.ClearSince.Value;
        var reason = $"{Describe(t, station, value, observedAt)}已持续低于阈值{Math.Floor(below.TotalMinutes):0}分钟。";
        publisher.Publish(warning, target is { } lower
            ? VersionBuilder.Next(warning, VersionKind.Downgrade, "monitoring", reason, level: lower, headline: Headline(type, district, lower), description: reason)
            : VersionBuilder.Next(warning, VersionKind.Lift, "monitoring", reason, description: reason, instruction: ""));
        state.ClearSince = null;
        state.Level = target;
        if (target is null) state.WarningId = null;
        return Outcome(target is null ? "lifted" : "downgraded", warning);
    }

    private async Task<decimal> HighestSinceAsync(Threshold t, string station, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        // SQLite cannot aggregate decimals; a hold window holds a handful of readings.
        var stored = await db.Readings.AsNoTracking()
            .Where(r => r.Indicator == t.Indicator && r.Station == station && r.ObservedAt >= from && r.ObservedAt <= to)
            .Select(r => r.Value).ToListAsync(cancellationToken);
        return stored.Concat(db.Readings.Local.Where(r => r.Indicator == t.Indicator && r.Station == station && r.ObservedAt >= from && r.ObservedAt <= to)
            .Select(r => r.Value)).Max();
    }

    private ReadingOutcome Suggest(StationState state, Warning? warning, SuggestionKind kind, WarningLevel? level, Threshold t, string station, decimal value,
        Func<string, Warning?, Guid?, ReadingOutcome> outcome)
    {
        var key = $"{warning?.Level.Colour() ?? "none"}>{kind}:{level?.Colour() ?? "lift"}";
        if (state.SuggestedTarget == key)
        {
            return outcome("held", warning, null);
        }
        state.SuggestedTarget = key;
        var suggestion = new Suggestion
        {
            Kind = kind, WarningId = warning?.Id, WarningType = t.WarningType, Level = level, DistrictCodes = [state.DistrictCode],
            Reason = $"{Describe(t, station, value, state.LastObservedAt!.Value)}建议{(kind == SuggestionKind.Lift ? "解除预警" : $"{level?.ColourZh()}预警")}。",
            CreatedAt = publisher.Now,
        };
        db.Suggestions.Add(suggestion);
        return outcome("suggested", warning, suggestion.Id);
    }

    private Warning Issue(Threshold t, WarningTypeDefinition type, string station, string district, decimal value, DateTime observedAt, WarningLevel level)
    {
        var warning = new Warning { Type = type.Code, Origin = WarningOrigin.Monitoring, CreatedBy = "monitoring", CreatedAt = publisher.Now };
        publisher.Create(warning, new WarningVersion
        {
            WarningId = warning.Id, Number = 1, Kind = VersionKind.Issue, Level = level, Headline = Headline(type, district, level),
            Description = Breach(t, station, value, observedAt, level), Effective = publisher.Now, DistrictCodes = [district],
            ResponsibleUnits = [.. t.ResponsibleUnits], Author = "monitoring", Certainty = "Observed",
            Instruction = "请相关单位立即落实防御措施，加强巡查值守。",
        }, draft: false);
        return warning;
    }

    private static string Headline(WarningTypeDefinition type, string district, WarningLevel level) =>
        $"{Districts.Find(district)?.Name ?? district}{type.NameZh}{level.ColourZh()}预警";

    private static string Breach(Threshold t, string station, decimal value, DateTime observedAt, WarningLevel level) =>
        string.Create(CultureInfo.InvariantCulture, $"{Describe(t, station, value, observedAt)}达到{level.ColourZh()}预警阈值{t.ValueFor(level):0.##}{t.Unit}。");

    private static string Describe(Threshold t, string station, decimal value, DateTime observedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"监测站{station}于{WarningPublisher.Local(observedAt):yyyy-MM-dd HH:mm}观测{t.Indicator}为{value:0.##}{t.Unit}，");
}
