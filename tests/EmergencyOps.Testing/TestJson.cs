using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;
using Xunit;

namespace EmergencyOps.Testing;

/// <summary>JSON as the services speak it (web defaults, enums as camelCase names), and problem details.</summary>
public static class TestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>Asserts an RFC 9457 problem detail and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>
    /// Asserts a problem with <paramref name="status"/> whose <c>errors</c> name <paramref name="field"/>, itself or as
    /// the parent of a named item or property (<c>field[2]</c>, <c>field.name</c>); returns the problem.
    /// </summary>
    public static async Task<JsonElement> FieldProblemAsync(this HttpResponseMessage response, string field, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        var problem = await response.ProblemAsync();
        Assert.True(problem.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Any(e => e.Name == field
                || e.Name.StartsWith(field + "[", StringComparison.Ordinal) || e.Name.StartsWith(field + ".", StringComparison.Ordinal)),
            $"no error for '{field}': {body}");
        return problem;
    }
}
