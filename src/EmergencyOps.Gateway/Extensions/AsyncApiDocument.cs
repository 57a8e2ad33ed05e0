using System.Security.Cryptography;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>
/// The AsyncAPI document of the integration events (docs/asyncapi.yaml, embedded at build time so the gateway needs no
/// file beside it in a container), public like the OpenAPI documents it sits next to.
/// </summary>
internal static class AsyncApiDocument
{
    public const string Path = "/asyncapi.yaml";

    public const string ContentType = "application/yaml; charset=utf-8";

    private static readonly Lazy<(byte[] Body, string ETag)> Document = new(() =>
    {
        using var stream = typeof(AsyncApiDocument).Assembly.GetManifestResourceStream("asyncapi.yaml")
            ?? throw new InvalidOperationException("asyncapi.yaml is not embedded in the gateway");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        var body = copy.ToArray();
        return (body, $"\"{Convert.ToHexStringLower(SHA256.HashData(body))[..16]}\"");
    });

    public static IResult Serve(HttpContext context)
    {
        var (body, etag) = Document.Value;
        context.Response.Headers.ETag = etag;
        context.Response.Headers.CacheControl = "public, max-age=300";
        // Integrators' tools poll it: an unchanged document costs a 304.
        if (context.Request.Headers.IfNoneMatch.Contains(etag))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        return TypedResults.Bytes(body, ContentType);
    }
}
