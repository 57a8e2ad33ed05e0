using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace EmergencyOps.ServiceDefaults;

/// <summary>
/// Makes every request carry a correlation id (the caller's when it is a GUID, a new one otherwise),
/// echoes it on the response and tags the trace with it, so a warning raised three services away
/// can be traced back to the request that caused it.
/// </summary>
public sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string HeaderName = "X-Correlation-ID";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = GetOrCreate(context.Request.Headers);
        context.Request.Headers[HeaderName] = id.ToString();
        context.Items[HeaderName] = id;
        context.Response.Headers[HeaderName] = id.ToString();
        Activity.Current?.SetTag("correlation.id", id.ToString());
        return next(context);
    }

    /// <summary>The request's correlation id, set by this middleware or read from the header.</summary>
    public static Guid? Find(HttpContext? context) =>
        context?.Items[HeaderName] is Guid id ? id
        : context is not null && Guid.TryParse(context.Request.Headers[HeaderName], out var parsed) ? parsed
        : null;

    private static Guid GetOrCreate(IHeaderDictionary headers) =>
        Guid.TryParse(headers[HeaderName], out var id) && id != Guid.Empty ? id : Guid.NewGuid();
}
