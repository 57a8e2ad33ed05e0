namespace EmergencyOps.ServiceDefaults.OpenApi;

/// <summary>
/// The short text an OAuth2 scope shows in the document: the service's own wording when it gives one, otherwise one
/// derived from the scope's name (<c>inventory:write-own-stock</c> → <c>Inventory: write own stock</c>), because the
/// OpenAPI scopes map needs a description for every scope and a scope name already says what it grants.
/// </summary>
internal static class ScopeDescriptions
{
    public static string Describe(string scope, IReadOnlyDictionary<string, string>? given)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scope);
        if (given is not null && given.TryGetValue(scope, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return text;
        }
        var colon = scope.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == scope.Length - 1)
        {
            return $"Scope {scope}";
        }
        var area = scope[..colon];
        var action = scope[(colon + 1)..].Replace('-', ' ').Replace('_', ' ');
        return $"{char.ToUpperInvariant(area[0])}{area[1..]}: {action}";
    }
}
