using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Webhooks.API.Infrastructure;

/// <summary>The host of a webhook URL resolved to, or connected to, an address the outbound policy forbids.</summary>
public sealed class ForbiddenAddressException(string message) : Exception(message);

/// <summary>
/// Opens every webhook connection itself (SocketsHttpHandler.ConnectCallback): resolves the host, skips forbidden
/// addresses, connects, and checks the address the socket actually reached. Checking at subscribe time alone would
/// not do: DNS may answer differently now (rebinding), so the check that counts is the one on the open socket.
/// </summary>
public static class GuardedConnector
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Create(bool allowPrivate) =>
        (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowPrivate, cancellationToken);

    public static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = allowPrivate ? addresses : [.. addresses.Where(NetworkPolicy.IsPublic)];
        if (allowed.Length == 0)
        {
            throw new ForbiddenAddressException($"{endpoint.Host} resolves to no address webhooks may reach.");
        }
        Exception? last = null;
        foreach (var address in allowed)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                if (!allowPrivate && (socket.RemoteEndPoint is not IPEndPoint reached || !NetworkPolicy.IsPublic(reached.Address)))
                {
                    throw new ForbiddenAddressException($"{endpoint.Host} connected to an address webhooks may not reach.");
                }
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
        throw last!;
    }
}
