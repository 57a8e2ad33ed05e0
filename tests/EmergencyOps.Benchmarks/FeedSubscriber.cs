using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace EmergencyOps.Benchmarks;

/// <summary>
/// One Server-Sent Events subscriber of the warnings feed: records the Stopwatch timestamp at which each
/// <c>warning.issued</c> event arrives, by warning id. Connected once the server's <c>retry:</c> preamble is read.
/// </summary>
internal sealed class FeedSubscriber(Uri feed)
{
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<(Guid WarningId, long At)> _received = [];

    /// <summary>Completes when the subscription is open on the server (or faults if it could not be opened).</summary>
    public Task Connected => _connected.Task;

    /// <summary>Issued events by warning id and arrival timestamp; read only after <see cref="RunAsync"/> has completed.</summary>
    public IReadOnlyList<(Guid WarningId, long At)> Received => _received;

    /// <summary>Why the stream ended before it was cancelled, if it did.</summary>
    public string? Failure { get; private set; }

    public async Task RunAsync(HttpClient http, SemaphoreSlim connecting, Action onIssued, CancellationToken cancellationToken)
    {
        var holding = false;
        try
        {
            await connecting.WaitAsync(cancellationToken);
            holding = true;
            using var request = new HttpRequestMessage(HttpMethod.Get, feed);
            request.Headers.Accept.ParseAdd("text/event-stream");
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            response.EnsureSuccessStatusCode();
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string? eventType = null;
            string? data = null;
            var preamble = false;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    var at = Stopwatch.GetTimestamp();
                    if (preamble && holding)
                    {
                        holding = false;
                        connecting.Release();
                        _connected.TrySetResult();
                    }
                    else if (eventType == "warning.issued" && data is not null)
                    {
                        using var json = JsonDocument.Parse(data);
                        _received.Add((json.RootElement.GetProperty("warningId").GetGuid(), at));
                        onIssued();
                    }
                    eventType = null;
                    data = null;
                }
                else if (line.StartsWith("retry:", StringComparison.Ordinal))
                {
                    preamble = true;
                }
                else if (line.StartsWith("event:", StringComparison.Ordinal))
                {
                    eventType = line[6..].Trim();
                }
                else if (line.StartsWith("data:", StringComparison.Ordinal))
                {
                    data = line[5..].TrimStart();
                }
            }
            Failure = "the server ended the stream";
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the benchmark.
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
        {
            Failure = ex.Message;
        }
        finally
        {
            if (holding)
            {
                connecting.Release();
            }
            _connected.TrySetException(new InvalidOperationException(Failure ?? "the subscription was not opened"));
        }
    }
}
