using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;
using EmergencyOps.Geography;
using EmergencyOps.ServiceDefaults.Input;
using static Webhooks.API.Model.WebhookLimits;

namespace Webhooks.API.Model;

/// <summary>A subscription request checked field by field; every message names the field (camelCase, as in the JSON).</summary>
public sealed record ValidSubscription(
    IReadOnlyList<EventDescriptor> EventTypes, List<string> DistrictCodes, List<WarningLevel> WarningLevels, List<MajorHazardLevel> HazardLevels, AlertStatus? Status);

public static class SubscriptionValidation
{
    public static (ValidSubscription? Valid, Dictionary<string, string[]> Errors) Validate(SubscribeRequest r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var errors = new Dictionary<string, string[]>();
        void Fail(string field, string message) => errors[field] = [message];

        var types = (r.EventTypes ?? []).Select(EventCatalogue.Find).ToList();
        if (r.EventTypes is not { Count: > 0 })
        {
            Fail("eventTypes", "Name at least one event type (GET /api/webhooks/event-types lists them).");
        }
        else if (r.EventTypes.FirstOrDefault(t => EventCatalogue.Find(t) is null) is { } unknown)
        {
            Fail("eventTypes", $"'{TextRules.Fit(unknown, 60)}' is not an event type; GET /api/webhooks/event-types lists them (by name or CloudEvents type).");
        }
        var known = types.OfType<EventDescriptor>().DistinctBy(d => d.Name).ToList();
        var f = r.Filter ?? new SubscriptionFilterRequest();
        var districts = (f.DistrictCodes ?? []).Distinct(StringComparer.Ordinal).ToList();
        if (districts.FirstOrDefault(d => !Districts.IsKnown(d)) is { } badDistrict)
        {
            Fail("filter.districtCodes", $"'{badDistrict}' is not a Shanghai district code (GB/T 2260, e.g. 310115 for Pudong).");
        }
        var warningLevels = Names<WarningLevel>(f.WarningLevels, "filter.warningLevels", Fail);
        var hazardLevels = Names<MajorHazardLevel>(f.HazardLevels, "filter.hazardLevels", Fail);
        AlertStatus? status = EnumNames.TryParse<AlertStatus>(f.Status, out var s) ? s : null;
        if (f.Status is not null && status is null)
        {
            Fail("filter.status", $"Status is one of: {EnumNames.List<AlertStatus>()}.");
        }
        // A filter none of the chosen types carries would silently do nothing: say so instead.
        if (known.Count > 0)
        {
            Carried(districts.Count, EventFacts.DistrictFilter, "a district", known, Fail);
            Carried(warningLevels.Count, EventFacts.WarningLevelFilter, "a warning level", known, Fail);
            Carried(hazardLevels.Count, EventFacts.HazardLevelFilter, "a major hazard level", known, Fail);
        }
        return errors.Count > 0 ? (null, errors) : (new ValidSubscription(known, districts, warningLevels, hazardLevels, status), errors);
    }

    private static List<T> Names<T>(IReadOnlyList<string>? names, string field, Action<string, string> fail) where T : struct, Enum
    {
        var parsed = new List<T>();
        foreach (var name in names ?? [])
        {
            if (!EnumNames.TryParse<T>(name, out var value))
            {
                fail(field, $"'{TextRules.Fit(name, 30)}' is not one of: {EnumNames.List<T>()}.");
                return [];
            }
            parsed.Add(value);
        }
        return [.. parsed.Distinct()];
    }

    private static void Carried(int count, string filter, string what, List<EventDescriptor> types, Action<string, string> fail)
    {
        if (count > 0 && !types.Any(t => t.Filters.Contains(filter)))
        {
            fail($"filter.{filter}", $"None of the chosen event types carries {what}, so this filter would match nothing and hold back nothing.");
        }
    }
}
