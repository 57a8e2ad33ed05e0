using EmergencyOps.Contracts;

namespace EmergencyOps.Samples.Integrator;

/// <summary>
/// The exchange of each event type, as MassTransit names them: <c>Namespace:TypeName</c>, one fanout exchange per
/// type (docs/asyncapi.yaml lists them all, with their payloads).
/// </summary>
public static class EventExchanges
{
    public static string For(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return $"{eventType.Namespace}:{eventType.Name}";
    }

    /// <summary>Every hazard and warning event type of the contracts.</summary>
    public static IReadOnlyList<string> HazardsAndWarnings() =>
        [.. typeof(IIntegrationEvent).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .Where(t => t.Namespace is "EmergencyOps.Contracts.Hazards" or "EmergencyOps.Contracts.Warnings")
            .Select(For)
            .Order(StringComparer.Ordinal)];

    public static IReadOnlyList<string> Resolve(IntegratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = options.Exchanges.Count > 0 ? options.Exchanges : HazardsAndWarnings();
        return [.. names.Select(n => options.ExchangePrefix + n)];
    }
}
