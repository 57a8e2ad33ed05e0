using System.Collections.Concurrent;
using System.Diagnostics;

namespace EmergencyOps.Benchmarks;

/// <summary>Counts consumed messages of the current round and their publish-to-consume latencies.</summary>
internal sealed class Arrivals
{
    private ConcurrentBag<double> _latencies = [];
    private long _last;

    public void Arrive(long sentAt)
    {
        var now = Stopwatch.GetTimestamp();
        _latencies.Add(Stopwatch.GetElapsedTime(sentAt, now).TotalMilliseconds);
        Volatile.Write(ref _last, now);
    }

    public void Reset() => _latencies = [];

    public async Task WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (_latencies.Count < count && Stopwatch.GetTimestamp() < until)
        {
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>The round's result: throughput over <paramref name="seconds"/>, the time until everything sent was consumed.</summary>
    public LoadResult Result(double seconds, int sent)
    {
        var latencies = _latencies.Order().ToArray();
        return new LoadResult(latencies, latencies.Length, Math.Max(0, sent - latencies.Length), seconds, null);
    }
}
