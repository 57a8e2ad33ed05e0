using EmergencyOps.Contracts;
using EmergencyOps.Samples.Integrator;

namespace EmergencyOps.Integrators.Tests.AsyncApi;

/// <summary>Every integration event of the contracts assembly, the way the document lists them.</summary>
internal static class ContractEvents
{
    public static IReadOnlyList<Type> All { get; } =
        [.. typeof(IIntegrationEvent).Assembly.GetExportedTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IIntegrationEvent).IsAssignableFrom(t))
            .OrderBy(t => t.Namespace, StringComparer.Ordinal)
            .ThenBy(t => t.Name, StringComparer.Ordinal)];

    /// <summary>MassTransit's exchange for a message type (its default entity name formatter): <c>Namespace:TypeName</c>.</summary>
    public static string Exchange(Type type) => EventExchanges.For(type);

    /// <summary>The publishing service, the last part of the namespace: hazards, warnings, inventory, shelters.</summary>
    public static string Service(Type type) => type.Namespace![(type.Namespace!.LastIndexOf('.') + 1)..].ToLowerInvariant();

    public static string DocumentPath => Path.Combine(EmergencyOps.Testing.Repository.Root(), "docs", "asyncapi.yaml");
}
