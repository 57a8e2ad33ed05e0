using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using EmergencyOps.Contracts;

namespace Webhooks.API.Model;

/// <summary>
/// One integration event type an integrator may subscribe to: its record name, its CloudEvents type and the filters
/// its events can be matched on.
/// </summary>
public sealed record EventDescriptor(string Name, Type Type, string CloudEventType, IReadOnlyList<string> Filters, EventFacts.Reader Read);

/// <summary>
/// Every integration event of the Contracts assembly, found by reflection, so a new event type is offered (and
/// consumed) without a change here. CloudEvents types read <c>cn.gov.sh.emergency.{area}.{name}.v{n}</c>: the area from
/// the namespace (Hazards → hazard), the name in kebab case, the version from a <c>V2</c> suffix (else 1).
/// </summary>
public static partial class EventCatalogue
{
    public const string TypePrefix = "cn.gov.sh.emergency";

    public static IReadOnlyList<EventDescriptor> All { get; } = Build();

    private static readonly Dictionary<Type, EventDescriptor> ByType = All.ToDictionary(d => d.Type);

    public static EventDescriptor For(Type type) => ByType[type];

    /// <summary>An event type by its record name or its CloudEvents type, ignoring case.</summary>
    public static EventDescriptor? Find(string? name) =>
        name is null ? null : All.FirstOrDefault(d => string.Equals(d.Name, name, StringComparison.OrdinalIgnoreCase)
            || string.Equals(d.CloudEventType, name, StringComparison.OrdinalIgnoreCase));

    private static List<EventDescriptor> Build() =>
    [
        .. typeof(IIntegrationEvent).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false, Namespace: not null } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .OrderBy(t => t.Namespace, StringComparer.Ordinal).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => { var read = EventFacts.ReaderFor(t); return new EventDescriptor(t.Name, t, CloudEventTypeOf(t), read.Filters, read.Read); }),
    ];

    public static string CloudEventTypeOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var area = type.Namespace!.Split('.')[^1].ToLowerInvariant();
        // Hazards → hazard, Warnings → warning, Shelters → shelter; Inventory stays.
        area = area.EndsWith('s') ? area[..^1] : area;
        var match = Versioned().Match(type.Name);
        var (name, version) = match.Success ? (match.Groups["name"].Value, match.Groups["version"].Value) : (type.Name, "1");
        return $"{TypePrefix}.{area}.{JsonNamingPolicy.KebabCaseLower.ConvertName(name)}.v{version}";
    }

    /// <summary>The record's first own field after the envelope (id, time, source, correlation): what the event is about.</summary>
    public static PropertyInfo? SubjectProperty(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var parameters = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()?.GetParameters() ?? [];
        var envelope = typeof(IIntegrationEvent).GetProperties().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        var first = parameters.FirstOrDefault(p => p.Name is { } n && !envelope.Contains(n));
        return first is null ? null : type.GetProperty(first.Name!);
    }

    [GeneratedRegex("^(?<name>.+)V(?<version>[0-9]+)$")]
    private static partial Regex Versioned();
}
