using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EmergencyOps.Testing.Webhooks;

/// <summary>A request as a receiver got it: the Standard Webhooks headers, the trace context and the exact body.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string? TraceParent, string? ContentType, string Body);

/// <summary>What the receiver answers to the next request: a status and, optionally, a Retry-After header.</summary>
public sealed record Reply(int Status, string? RetryAfter = null);

/// <summary>
/// A real HTTP receiver (Kestrel on 127.0.0.1, a free port): records every request, answers the scripted replies in
/// order and then 200, or never answers at all (<see cref="Hang"/>) as a dead endpoint would.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();
    private readonly ConcurrentQueue<Reply> _replies = new();
    private WebApplication _app = null!;

    public string Url { get; private set; } = "";

    public int Port { get; private set; }

    public bool Hang { get; set; }

    public IReadOnlyList<ReceivedWebhook> Received => [.. _received];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        receiver._app = builder.Build();
        receiver._app.MapPost("/hooks/{**rest}", receiver.HandleAsync);
        await receiver._app.StartAsync();
        receiver.Port = new Uri(receiver._app.Urls.First()).Port;
        receiver.Url = $"http://127.0.0.1:{receiver.Port}/hooks/emergency";
        return receiver;
    }

    public void Script(params Reply[] replies)
    {
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    public IReadOnlyList<ReceivedWebhook> For(Guid eventId) => [.. _received.Where(w => w.Body.Contains(eventId.ToString(), StringComparison.Ordinal))];

    public Task<ReceivedWebhook> WaitForAsync(Guid eventId, int count = 1) =>
        Eventually.GetAsync(() => Task.FromResult(For(eventId).Count >= count ? For(eventId)[count - 1] : null), $"delivery #{count} of event {eventId} at {Url}");

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        _received.Enqueue(new ReceivedWebhook(headers["webhook-id"].ToString(), headers["webhook-timestamp"].ToString(), headers["webhook-signature"].ToString(),
            headers["traceparent"].FirstOrDefault(), context.Request.ContentType, body));
        if (Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }
        var reply = _replies.TryDequeue(out var next) ? next : new Reply(200);
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }
        // A body the service must not store.
        await context.Response.WriteAsync($"receiver says {reply.Status}: secret-internal-detail", context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
