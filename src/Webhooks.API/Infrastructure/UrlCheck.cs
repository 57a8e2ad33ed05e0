using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Webhooks.API.Extensions;
using Webhooks.API.Model;

namespace Webhooks.API.Infrastructure;

/// <summary>
/// A webhook URL as subscribing accepts it: absolute http(s) (http only where allowed), no credentials or fragment,
/// and, unless private networks are allowed, a host that resolves to public addresses only. Deliveries check again
/// on every connection (<see cref="GuardedConnector"/>).
/// </summary>
public sealed class UrlCheck(IOptions<WebhooksOptions> options)
{
    private static readonly TimeSpan ResolveTimeout = TimeSpan.FromSeconds(3);

    /// <summary>The parsed URL when it is fine, else what is wrong with <paramref name="url"/>.</summary>
    public async Task<(Uri? Uri, string? Problem)> CheckAsync(string? url, bool allowPrivate, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > WebhookLimits.UrlLength)
        {
            return (null, $"An absolute https URL of at most {WebhookLimits.UrlLength} characters is required.");
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return (null, "Must be an absolute http(s) URL, e.g. https://hooks.example/emergency.");
        }
        if (uri.Scheme == "http" && !options.Value.AllowHttp)
        {
            return (null, "Must use https: deliveries carry signed event data.");
        }
        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return (null, "Must not carry credentials (user:password@) or a fragment (#…); deliveries are signed instead.");
        }
        if (allowPrivate || options.Value.AllowPrivateNetworks)
        {
            return (uri, null);
        }
        return await ResolvesPubliclyAsync(uri.IdnHost, cancellationToken) is { } problem ? (null, problem) : (uri, null);
    }

    private static async Task<string?> ResolvesPubliclyAsync(string host, CancellationToken cancellationToken)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase))
        {
            return "Must not point at this machine (localhost): webhooks go to public addresses only.";
        }
        IPAddress[] addresses;
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(ResolveTimeout);
                addresses = await Dns.GetHostAddressesAsync(host, timeout.Token);
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ArgumentException)
            {
                return $"The host {host} does not resolve.";
            }
        }
        // One private answer is enough to refuse: a receiver cannot need it, an attacker can.
        return addresses.Length == 0 || !addresses.All(NetworkPolicy.IsPublic)
            ? $"The host {host} resolves to a loopback, private, link-local or otherwise reserved address; webhooks go to public addresses only."
            : null;
    }
}
