using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;

namespace EmergencyOps.Testing;

public sealed record SseEvent(string? Id, string? Event, string Data);

/// <summary>Reads a text/event-stream as a browser's EventSource would: events with their ids, and comments apart.</summary>
public sealed class SseClient : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SseEvent> _events = Channel.CreateUnbounded<SseEvent>();
    private HttpResponseMessage? _response;
    private Task? _reader;

    public int Comments { get; private set; }

    public HttpResponseMessage Response => _response!;

    public static async Task<SseClient> ConnectAsync(HttpClient client, string url, string? lastEventId = null, CancellationToken cancellationToken = default)
    {
        var sse = new SseClient();
        using var cancelled = cancellationToken.Register(sse._stop.Cancel);
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        sse._response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, sse._stop.Token);
        if (sse._response.IsSuccessStatusCode)
        {
            sse._reader = Task.Run(() => sse.ReadAsync(sse._response), CancellationToken.None);
        }
        return sse;
    }

    /// <summary>The next event, waiting up to <paramref name="timeout"/>.</summary>
    public async Task<SseEvent> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await _events.Reader.ReadAsync(cts.Token);
    }

    /// <summary>The next event; throws <see cref="ChannelClosedException"/> once the stream has ended.</summary>
    public ValueTask<SseEvent> NextAsync(CancellationToken cancellationToken) => _events.Reader.ReadAsync(cancellationToken);

    public async Task<List<SseEvent>> TakeAsync(int count, TimeSpan? timeout = null)
    {
        var list = new List<SseEvent>();
        while (list.Count < count)
        {
            list.Add(await NextAsync(timeout));
        }
        return list;
    }

    /// <summary>True when no event arrives within <paramref name="quiet"/> (used after the expected ones, to prove there are no extras).</summary>
    public async Task<bool> NothingMoreAsync(TimeSpan quiet)
    {
        using var cts = new CancellationTokenSource(quiet);
        try
        {
            await _events.Reader.WaitToReadAsync(cts.Token);
            return false;
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    private async Task ReadAsync(HttpResponseMessage response)
    {
        try
        {
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(_stop.Token), Encoding.UTF8);
            string? id = null, type = null;
            var data = new StringBuilder();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line.Length == 0)
                {
                    if (data.Length > 0) await _events.Writer.WriteAsync(new SseEvent(id, type, data.ToString().TrimEnd('\n')));
                    (id, type) = (null, null);
                    data.Clear();
                }
                else if (line.StartsWith(':')) Comments++;
                else if (line.StartsWith("id: ", StringComparison.Ordinal)) id = line[4..];
                else if (line.StartsWith("event: ", StringComparison.Ordinal)) type = line[7..];
                else if (line.StartsWith("data: ", StringComparison.Ordinal)) data.Append(line[6..]).Append('\n');
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // Stopped.
        }
        finally
        {
            _events.Writer.TryComplete();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_reader is not null)
        {
            await _reader;
        }
        _response?.Dispose();
        _stop.Dispose();
    }
}
