using System.Net;
using System.Net.Sockets;
using System.Text;

namespace EmergencyOps.AppHost;

/// <summary>Cheap readiness checks that speak each protocol just far enough to prove it answers.</summary>
internal static class Probes
{
    private static readonly TimeSpan Attempt = TimeSpan.FromSeconds(2);

    // Loopback only: a proxy from the environment must never see these requests.
    public static HttpClient CreateHttpClient(TimeSpan timeout) =>
        new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false }) { Timeout = timeout };

    public static async Task<bool> AcceptsAsync(int port, CancellationToken ct)
    {
        using var client = await ConnectAsync(port, ct);
        return client is not null;
    }

    /// <summary>An AMQP 0-9-1 protocol header must be answered by a method frame (Connection.Start).</summary>
    public static Task<bool> AmqpAsync(int port, CancellationToken ct) =>
        ExchangeAsync(port, "AMQP\0\0\u0009\u0001"u8.ToArray(), reply => reply.Length > 0 && reply[0] == 1, ct);

    public static Task<bool> RedisPingAsync(int port, CancellationToken ct) =>
        ExchangeAsync(port, "PING\r\n"u8.ToArray(), reply => Encoding.ASCII.GetString(reply).StartsWith("+PONG", StringComparison.Ordinal), ct);

    public static async Task<bool> HttpOkAsync(HttpClient http, Uri url, CancellationToken ct)
    {
        try
        {
            using var response = await http.GetAsync(url, ct);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Polls <paramref name="probe"/> until it passes, the deadline passes or <paramref name="gaveUp"/> says stop.</summary>
    public static async Task<bool> PollAsync(
        Func<CancellationToken, Task<bool>> probe, DateTimeOffset deadline, Func<bool> gaveUp, CancellationToken ct)
    {
        while (DateTimeOffset.UtcNow < deadline && !gaveUp())
        {
            if (await probe(ct))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), ct);
        }

        return false;
    }

    private static async Task<bool> ExchangeAsync(int port, byte[] request, Func<byte[], bool> accept, CancellationToken ct)
    {
        using var client = await ConnectAsync(port, ct);
        if (client is null)
        {
            return false;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Attempt);
        try
        {
            var stream = client.GetStream();
            await stream.WriteAsync(request, timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return accept(buffer[..read]);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<TcpClient?> ConnectAsync(int port, CancellationToken ct)
    {
        var client = new TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Attempt);
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return client;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            client.Dispose();
            return null;
        }
    }
}
