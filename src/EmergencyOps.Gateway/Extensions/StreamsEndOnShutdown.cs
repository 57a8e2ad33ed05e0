namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// Ends the event streams it proxies (the live feed) as soon as the gateway starts to stop. A stream never completes
/// by itself, so graceful shutdown would otherwise wait for it until the orchestrator or Kubernetes kills the process;
/// cut at once, each subscriber reconnects with Last-Event-ID to another gateway, or to this one restarted, and
/// misses nothing. Other requests finish normally.
/// </summary>
internal sealed class StreamsEndOnShutdown(RequestDelegate next, IHostApplicationLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext context)
    {
        using var stopping = lifetime.ApplicationStopping.Register(static state =>
        {
            var http = (HttpContext)state!;
            if (http.Response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) == true)
            {
                http.Abort();
            }
        }, context);
        await next(context);
    }
}
