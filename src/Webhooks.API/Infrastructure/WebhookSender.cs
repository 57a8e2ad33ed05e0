using System.Diagnostics;
using System.Net.Http.Headers;
using System.Security.Authentication;
using System.Text;
using Microsoft.Extensions.Options;
using Webhooks.API.Extensions;
using Webhooks.API.Model;

namespace Webhooks.API.Infrastructure;

/// <summary>
/// Sends one signed delivery. Its own HTTP clients, not the factory's: no retry or hedging handler (the schedule is the
/// retry), no redirects, no proxy, short timeouts, and connections opened by <see cref="GuardedConnector"/>. One client
/// refuses private addresses, the other (for subscriptions an administrator allowed) does not: pooled connections are
/// per client, so one made for an allowed subscription is never reused for another.
/// </summary>
public sealed class WebhookSender : IDisposable
{
    public const string ContentType = "application/cloudevents+json";
    private static readonly ProductInfoHeaderValue UserAgent = new("EmergencyOps-Webhooks", "1.0");
    private readonly HttpClient _public;
    private readonly HttpClient _private;
    private readonly WebhooksOptions _options;
    private readonly TimeProvider _time;

    public WebhookSender(IOptions<WebhooksOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        (_options, _time) = (options.Value, time);
        _public = Client(allowPrivate: false);
        _private = Client(allowPrivate: true);
    }

    private HttpClient Client(bool allowPrivate) => new(new SocketsHttpHandler
    {
        ConnectCallback = GuardedConnector.Create(allowPrivate),
        ConnectTimeout = _options.ConnectTimeout,
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        // DNS answers change: connections are reopened (and checked again) every few minutes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        MaxResponseHeadersLength = 16,
        // The receiver's body is not wanted: at most this much is read (and dropped) to reuse the connection.
        MaxResponseDrainSize = 1024,
    })
    { Timeout = _options.RequestTimeout };

    public async ValueTask<SendOutcome> SendAsync(ClaimedDelivery delivery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        var now = _time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, delivery.Url) { Content = new StringContent(delivery.Body, Encoding.UTF8, ContentType) };
        request.Headers.Add("webhook-id", delivery.WebhookId);
        request.Headers.Add("webhook-timestamp", now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", Signatures.Sign(delivery, now, now.UtcDateTime));
        request.Headers.UserAgent.Add(UserAgent);
        var client = delivery.AllowPrivateNetwork || _options.AllowPrivateNetworks ? _private : _public;
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var status = (int)response.StatusCode;
            return new SendOutcome(status, status is >= 200 and < 300 ? DeliveryError.None : DeliveryError.HttpStatus,
                Stopwatch.GetElapsedTime(started), RetryAfter(response, now));
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendOutcome(null, DeliveryError.Timeout, Stopwatch.GetElapsedTime(started), null);
        }
        catch (HttpRequestException ex)
        {
            return new SendOutcome(null, Classify(ex), Stopwatch.GetElapsedTime(started), null);
        }
    }

    // Only where the receiver is overloaded or rate limiting: elsewhere the schedule decides.
    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        (int)response.StatusCode is 429 or >= 500 && response.Headers.RetryAfter is { } retry
            ? retry.Delta ?? (retry.Date is { } date ? date - now : null)
            : null;

    private static DeliveryError Classify(HttpRequestException ex)
    {
        for (Exception? inner = ex; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case ForbiddenAddressException: return DeliveryError.ForbiddenAddress;
                case AuthenticationException: return DeliveryError.Tls;
                case TimeoutException: return DeliveryError.Timeout;
            }
        }
        return DeliveryError.Connection;
    }

    public void Dispose()
    {
        _public.Dispose();
        _private.Dispose();
    }
}
