using System.Text.Json;

namespace EmergencyOps.Testing.BadInput;

/// <summary>
/// What a refused request must get back: a 4xx, never a 5xx or a cut connection, never a 2xx or 3xx; an RFC 9457 problem
/// (<c>application/problem+json</c>), and for a 400 or 422 one naming the field in <c>errors</c>.
/// </summary>
public static class BadAnswers
{
    /// <summary>Sends one request: its status (0 when cut short) and what is wrong with the answer, or <c>null</c> when it was refused as it should be.</summary>
    public static async Task<(int Status, string? Failure)> CheckAsync(HttpClient client, BadRequest request)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        int status;
        string body, contentType;
        try
        {
            using var message = request.ToHttp();
            using var response = await client.SendAsync(message);
            status = (int)response.StatusCode;
            contentType = response.Content.Headers.ContentType?.MediaType ?? "";
            body = await response.Content.ReadAsStringAsync();
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException)
        {
            return (0, $"{request}: the response was cut short ({e.GetType().Name}: {e.Message})");
        }
        var shown = body.Length > 300 ? body[..300] + "…" : body;
        if (status >= 500)
        {
            return (status, $"{request}: {status} {shown}");
        }
        if (status < 400)
        {
            return (status, $"{request}: accepted with {status} {shown}");
        }
        if (contentType != "application/problem+json")
        {
            return (status, $"{request}: {status} is not a problem detail ({contentType}) {shown}");
        }
        try
        {
            var problem = JsonDocument.Parse(body).RootElement;
            if (status is 400 or 422 && !(problem.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object && errors.EnumerateObject().Any()))
            {
                return (status, $"{request}: {status} names no field {shown}");
            }
        }
        catch (JsonException)
        {
            return (status, $"{request}: {status} with a problem that is not JSON {shown}");
        }
        return (status, null);
    }
}
