using System.Collections.Concurrent;
using System.Diagnostics;

namespace EmergencyOps.Benchmarks;

/// <summary>What one round of load produced: latencies (ms, sorted) of the requests that succeeded, and the counts.</summary>
internal sealed record LoadResult(double[] Latencies, int Succeeded, int Failed, double Seconds, string? FirstFailure)
{
    public double PerSecond => Succeeded / Seconds;

    public double P50 => Stats.Percentile(Latencies, 0.50);

    public double P99 => Stats.Percentile(Latencies, 0.99);
}

/// <summary>
/// Drives one operation: closed loop (N callers, each sending the next request when the last one answered) for full
/// load, or open loop at a fixed rate, where a slow answer does not delay the next request.
/// </summary>
internal static class Load
{
    /// <summary>One request; true when it succeeded, else false with why in <c>failure</c>.</summary>
    public delegate Task<(bool Ok, string? Failure)> Operation(int caller, int index, CancellationToken cancellationToken);

    /// <summary>Sends a request and reads its whole answer: a 2xx succeeded; otherwise the status (and, if asked, the body) says why not.</summary>
    public static async Task<(bool Ok, string? Failure)> SendAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken, bool withBody = false)
    {
        using var response = await client.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? (true, null)
            : (false, withBody ? $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancellationToken)}" : $"{(int)response.StatusCode}");
    }

    /// <summary>A GET of the path for each request's index.</summary>
    public static Operation Get(HttpClient client, Func<int, string> path) => async (_, i, ct) =>
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path(i));
        return await SendAsync(client, request, ct);
    };

    public static async Task<LoadResult> ClosedLoopAsync(int callers, TimeSpan duration, Operation operation, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var index = -1;
        var clock = Stopwatch.StartNew();
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async caller =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                await recorder.TimeAsync(() => operation(caller, Interlocked.Increment(ref index), cancellationToken));
            }
        }));
        return recorder.Result(clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Short closed-loop rounds until two in a row agree within a tenth (at most <paramref name="most"/>): the services'
    /// code reaches its optimised tier only after some thousands of calls, later still while the load keeps both cores
    /// busy, so a fixed warm-up leaves the first measured rounds slower than the rest. Returns the rounds it took.
    /// </summary>
    public static async Task<int> WarmUpAsync(int callers, TimeSpan round, Operation operation, CancellationToken cancellationToken, int most = 8)
    {
        var previous = 0d;
        for (var n = 1; ; n++)
        {
            var rate = (await ClosedLoopAsync(callers, round, operation, cancellationToken)).PerSecond;
            if (n == most || (previous > 0 && Math.Abs(rate - previous) <= previous / 10))
            {
                return n;
            }
            previous = rate;
        }
    }

    public static async Task<LoadResult> FixedRateAsync(double perSecond, TimeSpan duration, Operation operation, CancellationToken cancellationToken)
    {
        var recorder = new Recorder();
        var total = (int)(perSecond * duration.TotalSeconds);
        var inFlight = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            // Sent on schedule whatever the answers do; the schedule is met to the timer's resolution (about 1 ms).
            var due = TimeSpan.FromSeconds(i / perSecond) - clock.Elapsed;
            if (due > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(due, cancellationToken);
            }
            var n = i;
            inFlight.Add(Task.Run(() => recorder.TimeAsync(() => operation(0, n, cancellationToken)), cancellationToken));
        }
        await Task.WhenAll(inFlight);
        return recorder.Result(clock.Elapsed.TotalSeconds);
    }

    private sealed class Recorder
    {
        private readonly ConcurrentBag<double> _latencies = [];
        private int _failed;
        private string? _firstFailure;

        public async Task TimeAsync(Func<Task<(bool Ok, string? Failure)>> send)
        {
            var started = Stopwatch.GetTimestamp();
            (bool Ok, string? Failure) outcome;
            try
            {
                outcome = await send();
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
            {
                outcome = (false, ex.Message);
            }
            if (outcome.Ok)
            {
                _latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            else
            {
                Interlocked.Increment(ref _failed);
                Interlocked.CompareExchange(ref _firstFailure, outcome.Failure, null);
            }
        }

        public LoadResult Result(double seconds)
        {
            var sorted = _latencies.Order().ToArray();
            return new LoadResult(sorted, sorted.Length, _failed, seconds, _firstFailure);
        }
    }
}
