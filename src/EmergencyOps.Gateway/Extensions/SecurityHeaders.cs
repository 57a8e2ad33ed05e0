using Microsoft.Extensions.Primitives;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// Headers that make browsers handle the gateway's responses safely. Every response: <c>X-Content-Type-Options: nosniff</c>
/// (a JSON or text body is never run as a script). HTML responses: a Content-Security-Policy (the endpoint's
/// <see cref="ContentSecurityPolicy"/>, else <see cref="ContentSecurityPolicy.Default"/>) and <c>Referrer-Policy:
/// no-referrer</c>, unless the service behind the gateway chose its own: it knows its page best. Applied when the
/// response starts, so refusals, proxy errors and cleared responses get them too.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
        return next(context);
    }

    private static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        if (!IsHtml(context.Response.ContentType))
        {
            return;
        }
        if (StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy))
        {
            headers.ContentSecurityPolicy = context.GetEndpoint()?.Metadata.GetMetadata<ContentSecurityPolicy>()?.For(context)
                ?? ContentSecurityPolicy.Default;
        }
        if (StringValues.IsNullOrEmpty(headers["Referrer-Policy"]))
        {
            // Links out of the console or the login page carry no URL (which may hold a code, a district, a search).
            headers["Referrer-Policy"] = "no-referrer";
        }
    }

    private static bool IsHtml(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/xhtml+xml", StringComparison.OrdinalIgnoreCase));
}
