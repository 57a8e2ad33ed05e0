using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EmergencyOps.ServiceDefaults.OpenApi;

/// <summary>
/// What an endpoint asks of its caller, read from the same metadata the authorization middleware reads: nothing
/// (<see cref="Anonymous"/>), or a token holding every one of <see cref="Scopes"/> (policy name = scope, see
/// <c>AuthenticationExtensions.AddDefaultAuthentication</c>); an empty list means any valid token. When
/// <see cref="AnyOf"/> is not empty the caller needs one of those scopes besides.
/// </summary>
internal sealed record EndpointAccess(bool Anonymous, IReadOnlyList<string> Scopes, IReadOnlyList<string> AnyOf)
{
    public static readonly EndpointAccess Public = new(true, [], []);

    /// <summary>Each set of scopes that lets a caller in: one set, or one per alternative.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Alternatives =>
        AnyOf.Count == 0 ? [Scopes] : [.. AnyOf.Select(s => (IReadOnlyList<string>)[.. Scopes.Append(s).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)])];

    /// <summary>The access of a described endpoint, given the application's authorization options.</summary>
    public static EndpointAccess Of(ApiDescription description, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(services);
        var fallback = services.GetService<IOptions<AuthorizationOptions>>()?.Value.FallbackPolicy is not null;
        return Of(description.ActionDescriptor.EndpointMetadata, fallback);
    }

    /// <param name="metadata">The endpoint's metadata (group conventions included).</param>
    /// <param name="hasFallbackPolicy">
    /// Whether <see cref="AuthorizationOptions.FallbackPolicy"/> is set: the middleware then protects endpoints
    /// that carry no authorization metadata at all, so the document must not call them public.
    /// </param>
    public static EndpointAccess Of(IEnumerable<object> metadata, bool hasFallbackPolicy)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var items = metadata as IReadOnlyCollection<object> ?? [.. metadata];

        // The middleware skips authorization for any endpoint with IAllowAnonymous, whatever else it carries.
        if (items.OfType<IAllowAnonymous>().Any())
        {
            return Public;
        }
        var authorize = items.OfType<IAuthorizeData>().ToList();
        // Policies given as objects (RequireAuthorization(policy => ...)) protect the endpoint but name no scope.
        var anyOf = items.OfType<AnyScopeAttribute>().SelectMany(a => a.Scopes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var unnamed = items.OfType<AuthorizationPolicy>().Any() || items.OfType<IAuthorizationRequirementData>().Any();
        if (authorize.Count == 0 && !unnamed && !hasFallbackPolicy)
        {
            return Public;
        }
        // Group and endpoint policies combine: the caller needs all of them, which is what one requirement listing several scopes says.
        var scopes = authorize.Select(a => a.Policy).OfType<string>().Where(p => p.Length > 0)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return new EndpointAccess(false, scopes, anyOf);
    }
}
