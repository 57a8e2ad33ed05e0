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
}
