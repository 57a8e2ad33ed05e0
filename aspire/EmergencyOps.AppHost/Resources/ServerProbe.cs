using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EmergencyOps.AppHost;

/// <summary>
/// Health of a broker or cache, by speaking its protocol just far enough to prove it answers: an open port
/// alone is not enough (RabbitMQ listens well before it accepts connections).
/// </summary>
internal static class ServerProbe
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(3);

    public static async Task<HealthCheckResult> CheckAsync(IResourceWithConnectionString server, CancellationToken ct)
    {
        string? connectionString;
        try
        {
            connectionString = await server.GetConnectionStringAsync(ct);
        }
        catch (InvalidOperationException e)
        {
            return HealthCheckResult.Unhealthy($"no address yet: {e.Message}");
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return HealthCheckResult.Unhealthy("no connection string");
        }
        return connectionString.StartsWith("amqp", StringComparison.OrdinalIgnoreCase)
            ? await AmqpAsync(new Uri(connectionString), ct)
            : await RedisAsync(connectionString, ct);
    }

    /// <summary>A server without a protocol worth speaking to (epmd): it accepts a connection.</summary>
    public static async Task<HealthCheckResult> AcceptsAsync(EndpointReference endpoint, CancellationToken ct) =>
        !endpoint.IsAllocated ? HealthCheckResult.Unhealthy("no port yet")
        : await ExchangeAsync("127.0.0.1", endpoint.Port, [], ct) is not null ? HealthCheckResult.Healthy($"accepts on 127.0.0.1:{endpoint.Port}")
        : HealthCheckResult.Unhealthy($"does not accept on 127.0.0.1:{endpoint.Port}");

    /// <summary>An AMQP 0-9-1 protocol header must be answered by a method frame (Connection.Start).</summary>
    private static async Task<HealthCheckResult> AmqpAsync(Uri broker, CancellationToken ct)
    {
        var port = broker.IsDefaultPort || broker.Port <= 0 ? 5672 : broker.Port;
        var reply = await ExchangeAsync(broker.Host, port, "AMQP\0\0\u0009\u0001"u8.ToArray(), ct);
        return reply is [1, ..] ? HealthCheckResult.Healthy($"AMQP answers on {broker.Host}:{port}")
            : HealthCheckResult.Unhealthy($"no AMQP answer on {broker.Host}:{port}");
    }

    /// <summary>PING answered by PONG (or by NOAUTH from a server that wants a password: it is Redis, and it runs).</summary>
    private static async Task<HealthCheckResult> RedisAsync(string connectionString, CancellationToken ct)
    {
        var endpoint = connectionString.Split(',')[0].Trim();
        var colon = endpoint.LastIndexOf(':');
        var (host, port) = colon > 0 && int.TryParse(endpoint[(colon + 1)..], out var p) ? (endpoint[..colon], p) : (endpoint, 6379);
        var reply = Encoding.ASCII.GetString(await ExchangeAsync(host, port, "PING\r\n"u8.ToArray(), ct) ?? []);
        return reply.StartsWith("+PONG", StringComparison.Ordinal) || reply.StartsWith("-NOAUTH", StringComparison.Ordinal)
            ? HealthCheckResult.Healthy($"Redis answers on {host}:{port}")
            : HealthCheckResult.Unhealthy($"no Redis answer on {host}:{port}");
    }

    /// <summary>The first bytes answered to <paramref name="request"/> (nothing asked: connecting is the answer), or null.</summary>
    private static async Task<byte[]?> ExchangeAsync(string host, int port, byte[] request, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Attempt);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            if (request.Length == 0)
            {
                return [];
            }
            var stream = client.GetStream();
            await stream.WriteAsync(request, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return buffer[..read];
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }
}
