using System.Reflection;
using EmergencyOps.Contracts.Hazards;
using EmergencyOps.Contracts.Warnings;

namespace Webhooks.API.Model;

/// <summary>
/// What subscriptions filter an event on, read from its record: districts (a <c>DistrictCode</c>, a list of
/// <c>DistrictCodes</c>, or a warning's <c>Area</c>), a warning level, a major hazard level (the current one, else the
/// one it had), and whether it is an exercise. Null means the event does not carry that fact.
/// </summary>
public sealed record EventFacts(IReadOnlyList<string>? Districts, WarningLevel? WarningLevel, MajorHazardLevel? HazardLevel, bool Exercise, string? Subject)
{
    public const string DistrictFilter = "districtCodes";
    public const string WarningLevelFilter = "warningLevels";
    public const string HazardLevelFilter = "hazardLevels";
    public const string StatusFilter = "status";

    public delegate EventFacts Reader(object message);

    public AlertStatus Status => Exercise ? AlertStatus.Exercise : AlertStatus.Actual;

    /// <summary>A reader for one event type (properties looked up once) and the filters its events can be matched on.</summary>
    public static (Reader Read, IReadOnlyList<string> Filters) ReaderFor(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var district = Property(type, "DistrictCode", typeof(string));
        var districts = type.GetProperties().FirstOrDefault(p => p.Name == "DistrictCodes" && typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType));
        var area = type.GetProperties().FirstOrDefault(p => p.PropertyType == typeof(WarningArea));
        var warningLevel = Property(type, "Level", typeof(WarningLevel));
        var hazardLevel = Property(type, "Level", typeof(MajorHazardLevel)) ?? Property(type, "PreviousLevel", typeof(MajorHazardLevel));
        var exercise = Property(type, "Exercise", typeof(bool));
        var subject = EventCatalogue.SubjectProperty(type);

        List<string> filters = [];
        if (district is not null || districts is not null || area is not null) filters.Add(DistrictFilter);
        if (warningLevel is not null) filters.Add(WarningLevelFilter);
        if (hazardLevel is not null) filters.Add(HazardLevelFilter);
        filters.Add(StatusFilter);

        EventFacts Read(object message)
        {
            IReadOnlyList<string>? codes = district?.GetValue(message) is string one ? [one]
                : districts?.GetValue(message) is IEnumerable<string> many ? [.. many]
                : area?.GetValue(message) is WarningArea a ? a.DistrictCodes
                : null;
            return new EventFacts(codes, (WarningLevel?)warningLevel?.GetValue(message), (MajorHazardLevel?)hazardLevel?.GetValue(message),
                exercise?.GetValue(message) is true, subject?.GetValue(message)?.ToString());
        }

        return (Read, filters);
    }

    private static PropertyInfo? Property(Type type, string name, Type propertyType) =>
        type.GetProperty(name) is { } p && p.PropertyType == propertyType ? p : null;
}
