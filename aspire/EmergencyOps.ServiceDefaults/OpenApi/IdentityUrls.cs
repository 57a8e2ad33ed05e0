using Microsoft.Extensions.Configuration;

namespace EmergencyOps.ServiceDefaults.OpenApi;

/// <summary>
/// Where a client gets tokens, as the document tells it. Relative by default: clients read the document through the
/// gateway, which also serves the identity endpoints, so <c>/connect/token</c> resolves against the server the client
/// already talks to (OpenAPI 3.1 resolves relative URLs against the Server Object). <c>Identity:PublicAuthority</c>
/// (e.g. <c>http://localhost:5080/</c>) makes them absolute, for clients that reach the identity service elsewhere.
/// </summary>
internal sealed record IdentityUrls(Uri Authorize, Uri Token)
{
    public const string PublicAuthorityKey = "Identity:PublicAuthority";

    public static IdentityUrls From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration[PublicAuthorityKey];
        if (string.IsNullOrWhiteSpace(value))
        {
            return new IdentityUrls(new Uri("/connect/authorize", UriKind.Relative), new Uri("/connect/token", UriKind.Relative));
        }
        // A wrong value would send every client to a wrong address: fail the document loudly instead of guessing.
        if (!Uri.TryCreate(value, UriKind.Absolute, out var authority) || authority.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"{PublicAuthorityKey} must be an absolute http(s) URL, not '{value}'.");
        }
        // A trailing slash keeps an authority's path (https://host/identity/) when the endpoint paths are appended.
        var root = new Uri(authority.AbsoluteUri.TrimEnd('/') + "/");
        return new IdentityUrls(new Uri(root, "connect/authorize"), new Uri(root, "connect/token"));
    }
}
