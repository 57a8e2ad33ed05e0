using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmergencyOps.Gateway.Extensions;

/// <summary>The gateway is ready when every service behind it is: asks each one's <c>/health/ready</c>.</summary>
internal sealed class DownstreamReadinessCheck(IHttpClientFactory clients, IReadOnlyList<Uri> destinations) : IHealthCheck
{
    public const string ClientName = "readiness";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (destinations.Count == 0)
        {
            return HealthCheckResult.Unhealthy("no endpoint configured (services__<name>__http__0)");
        }
        var client = clients.CreateClient(ClientName);
        var failures = new List<string>();
        foreach (var destination in destinations)
        {
            try
            {
                using var response = await client.GetAsync(new Uri(destination, "/health/ready"), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return HealthCheckResult.Healthy($"{destination} ready");
                }
                failures.Add($"{destination} answered {(int)response.StatusCode}");
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                failures.Add($"{destination} unreachable: {ex.Message}");
            }
        }
        return HealthCheckResult.Unhealthy(string.Join("; ", failures));
    }
}
