namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// Endpoint metadata: the Content-Security-Policy an endpoint's HTML needs instead of <see cref="Default"/>. The policy may
/// depend on the request (a per-request script nonce), so it is built when the response starts.
/// </summary>
public sealed class ContentSecurityPolicy(Func<HttpContext, string> build)
{
    /// <summary>
    /// For HTML that sets no policy of its own (a proxied page, an error page): only this origin's scripts, styles, images
    /// and connections; no plugins, no &lt;base&gt;, forms post here only, and no other site may frame it (clickjacking).
    /// </summary>
    public const string Default =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public string For(HttpContext context) => build(context);
}
