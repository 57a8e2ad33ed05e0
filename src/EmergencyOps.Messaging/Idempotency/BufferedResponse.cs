using Microsoft.AspNetCore.Http;

namespace EmergencyOps.Messaging.Idempotency;

/// <summary>Runs a handler's result against a memory buffer so the exact answer can be stored before it is sent.</summary>
internal sealed record BufferedResponse(int StatusCode, string? ContentType, string? Location, byte[] Body)
{
    public static async Task<BufferedResponse> CaptureAsync(HttpContext http, object? result)
    {
        var original = http.Response.Body;
        using var buffer = new MemoryStream();
        http.Response.Body = buffer;
        try
        {
            switch (result)
            {
                case IResult r:
                    await r.ExecuteAsync(http);
                    break;
                case null:
                    break;
                default:
                    await Results.Ok(result).ExecuteAsync(http);
                    break;
            }
        }
        finally
        {
            http.Response.Body = original;
        }
        return new BufferedResponse(http.Response.StatusCode, http.Response.ContentType, http.Response.Headers.Location.ToString(), buffer.ToArray());
    }

    public IdempotencyRecord ToRecord(string scope, string key, string hash, DateTime now) => new()
    {
        Scope = scope, Key = key, RequestHash = hash, StatusCode = StatusCode, ContentType = ContentType,
        Location = string.IsNullOrEmpty(Location) ? null : Location, Body = Body, CreatedAt = now,
    };
}

/// <summary>Writes a stored answer: the first one (just committed) or a replay of it.</summary>
internal sealed class ReplayResult(IdempotencyRecord record, bool replayed = true) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = record.StatusCode;
        if (record.ContentType is not null)
        {
            response.ContentType = record.ContentType;
        }
        if (record.Location is not null)
        {
            response.Headers.Location = record.Location;
        }
        if (replayed)
        {
            response.Headers["Idempotent-Replayed"] = "true";
        }
        await response.Body.WriteAsync(record.Body);
    }
}
