using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// Refuses request bodies larger than <see cref="GatewayOptions.MaxRequestBodySize"/> with a 413 problem, before they reach
/// a service. A declared <c>Content-Length</c> over the limit is refused without reading a byte. A body without one (chunked)
/// is cut off as soon as it passes the limit: by the server where it offers a per-request limit (Kestrel, IIS, HTTP.sys),
/// by a counting stream where it does not (the test server). The proxy then answers 413, which gets the same problem body here.
/// </summary>
internal sealed partial class RequestBodyLimit(RequestDelegate next, IOptions<GatewayOptions> options, IProblemDetailsService problems, ILogger<RequestBodyLimit> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodySize;
        if (context.Request.ContentLength > limit)
        {
            LogRefused(logger, context.Request.Method, context.Request.Path.Value ?? "", context.Request.ContentLength.Value, limit);
            await RefuseAsync(context, limit);
            return;
        }

        // The server's own limit replaces its default (Kestrel's 30 MB) in both directions.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } serverLimit)
        {
            serverLimit.MaxRequestBodySize = limit;
        }
        else if (context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody != false)
        {
            context.Request.Body = new LengthLimitedStream(context.Request.Body, limit);
        }

        await next(context);

        // The body overflowed while the proxy streamed it: it answers a bare 413 (clearing the response first).
        if (context.Response.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted
            && context.Response.ContentType is null && context.Response.ContentLength is null)
        {
            LogCutOff(logger, context.Request.Method, context.Request.Path.Value ?? "", limit);
            await RefuseAsync(context, limit);
        }
    }

    private ValueTask RefuseAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"The gateway accepts request bodies of at most {limit} bytes.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused: Content-Length {Length} exceeds the {Limit}-byte limit")]
    private static partial void LogRefused(ILogger logger, string method, string path, long length, long limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Path} refused: the body passed the {Limit}-byte limit")]
    private static partial void LogCutOff(ILogger logger, string method, string path, long limit);
}
