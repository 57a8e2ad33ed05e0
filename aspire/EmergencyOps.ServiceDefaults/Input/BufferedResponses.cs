using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;

namespace EmergencyOps.ServiceDefaults.Input;

/// <summary>Marks an endpoint whose response streams (a live feed, a proxied route): it is never buffered.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class StreamingResponseAttribute : Attribute;

/// <summary>
/// Writes a response only once it is complete: a failure while serialising becomes a clean 500 problem before any
/// header goes out, never a 200 followed by a reset connection. Streaming endpoints are left alone.
/// </summary>
internal sealed class BufferedResponses(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<StreamingResponseAttribute>() is not null
            || context.Request.Headers.Accept.Any(a => a?.Contains("text/event-stream", StringComparison.OrdinalIgnoreCase) == true))
        {
            await next(context);
            return;
        }
        var original = context.Response.Body;
        var originalFeature = context.Features.Get<IHttpResponseBodyFeature>();
        await using var buffer = new FileBufferingWriteStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            if (originalFeature is not null)
            {
                context.Features.Set(originalFeature);
            }
        }
        if (buffer.Length > 0)
        {
            context.Response.ContentLength ??= buffer.Length;
            await buffer.DrainBufferAsync(original, context.RequestAborted);
        }
    }
}
