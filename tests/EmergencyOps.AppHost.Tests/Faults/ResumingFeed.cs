using System.Net;
using System.Threading.Channels;
using EmergencyOps.Testing;

namespace EmergencyOps.AppHost.Tests.Faults;

/// <summary>
/// A feed subscriber that behaves as a browser's EventSource: when the stream ends or cannot be opened it tries again
/// shortly, sending the id of the last event it received as Last-Event-ID. It keeps every event, duplicates included.
/// </summary>
public sealed class ResumingFeed : IAsyncDisposable
{
    private static readonly TimeSpan Retry = TimeSpan.FromMilliseconds(300);
    private readonly CancellationTokenSource _stop = new();
    private readonly List<SseEvent> _events = [];
    private readonly Task _running;
    private int _connections;

    private ResumingFeed(HttpClient client, string url) => _running = Task.Run(() => RunAsync(client, url));

    /// <summary>Streams opened with a 200, the first one included.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public IReadOnlyList<SseEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public static ResumingFeed Start(HttpClient client, string url) => new(client, url);

    private async Task RunAsync(HttpClient client, string url)
    {
        string? lastId = null;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await using var sse = await SseClient.ConnectAsync(client, url, lastId, _stop.Token);
                if (sse.Response.StatusCode == HttpStatusCode.OK)
                {
                    Interlocked.Increment(ref _connections);
                    while (true)
                    {
                        var next = await sse.NextAsync(_stop.Token);
                        lock (_events)
                        {
                            _events.Add(next);
                        }
                        lastId = next.Id ?? lastId;
                    }
                }
            }
            catch (Exception e) when (e is ChannelClosedException or HttpRequestException or IOException)
            {
                // The stream ended or the gateway is not there: reconnect below.
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            // EventSource's reconnection delay.
            await Task.Delay(Retry, _stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _running;
        _stop.Dispose();
    }
}
