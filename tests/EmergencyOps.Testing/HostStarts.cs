using System.Collections.Concurrent;

namespace EmergencyOps.Testing;

/// <summary>
/// The first start of each kind of host in a test process runs alone. RangeAttribute converts its bounds (the options'
/// TimeSpan ones) on first use without a lock, and the validator shares one instance per property across the process
/// (dotnet/runtime#1143): two hosts validating the same options at once can throw InvalidCastException. Once one host of
/// a kind has started, its bounds are converted and others start side by side.
/// </summary>
public static class HostStarts
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly ConcurrentDictionary<Type, bool> Started = new();

    public static T First<T>(Type kind, Func<T> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (Started.ContainsKey(kind))
        {
            return start();
        }
        Gate.Wait();
        try
        {
            var host = start();
            Started[kind] = true;
            return host;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task FirstAsync(Type kind, Func<Task> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (Started.ContainsKey(kind))
        {
            await start();
            return;
        }
        await Gate.WaitAsync();
        try
        {
            await start();
            Started[kind] = true;
        }
        finally
        {
            Gate.Release();
        }
    }
}
