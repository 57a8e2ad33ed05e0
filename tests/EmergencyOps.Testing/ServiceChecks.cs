using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EmergencyOps.ServiceDefaults;
using Xunit;

namespace EmergencyOps.Testing;

/// <summary>Checks every service must pass, whatever its domain.</summary>
public static class ServiceChecks
{
    public static async Task AssertReadyAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        // The bus connects in the background: ready is a state the service reaches, not one it starts in.
        var body = await Eventually.GetAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }, "/health/ready to answer 200");

        var entries = JsonDocument.Parse(body).RootElement.GetProperty("entries");
        foreach (var check in new[] { "database", "masstransit-bus", "redis" })
        {
            Assert.Equal("Healthy", entries.GetProperty(check).GetProperty("status").GetString());
        }
    }

    public static async Task AssertPingAsync(HttpClient client, string service)
    {
        ArgumentNullException.ThrowIfNull(client);
        var correlationId = Guid.NewGuid().ToString();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/{service}/ping");
        request.Headers.Add(CorrelationIdMiddleware.HeaderName, correlationId);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var info = await response.Content.ReadFromJsonAsync<ServiceInfo>();
        Assert.NotNull(info);
        Assert.Equal(service, info.Service);
        Assert.Equal(correlationId, info.CorrelationId);
        Assert.Equal(correlationId, Assert.Single(response.Headers.GetValues(CorrelationIdMiddleware.HeaderName)));
    }
}
