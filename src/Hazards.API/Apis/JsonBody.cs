using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Hazards.API.Apis;

/// <summary>
/// A 200 whose JSON body is already serialised: a cached answer goes out byte for byte, without a parse and a
/// re-serialisation per request. OpenAPI describes it as <typeparamref name="T"/>, as it would an <c>Ok&lt;T&gt;</c>.
/// </summary>
public sealed class JsonBody<T>(ReadOnlyMemory<byte> json) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult, IEndpointMetadataProvider
{
    public ReadOnlyMemory<byte> Json { get; } = json;

    public int StatusCode => StatusCodes.Status200OK;

    int? IStatusCodeHttpResult.StatusCode => StatusCode;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        response.ContentLength = Json.Length;
        await response.BodyWriter.WriteAsync(Json, httpContext.RequestAborted);
    }

    static void IEndpointMetadataProvider.PopulateMetadata(MethodInfo method, EndpointBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
    }
}
